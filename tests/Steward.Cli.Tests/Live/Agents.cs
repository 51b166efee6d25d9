using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Cli.Tests.Live;

/// <summary>Plays a computer at a logon point over the real agent endpoint, so that the server has clients to list.</summary>
internal static class Agents
{
    /// <summary>A new computer logs on at <paramref name="logonPoint"/>; returns the server's decision.</summary>
    public static async Task<LogonResponse> LogonAsync(LiveServer server, string logonPoint, string secret, string name, string address)
    {
        using var http = new HttpClient();
        var request = new LogonRequest(secret, "logon", name, [address], null, null, null);
        using var response = await http.PostAsJsonAsync(server.Url + Routes.Logon(logonPoint), request, ProtocolJson.Default.LogonRequest);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!;
    }
}
