using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Cli.Tests.Live;

/// <summary>Plays a computer at a logon point over the real agent endpoint, so that the server has clients to list.</summary>
internal static class Agents
{
    /// <summary>A new computer logs on at <paramref name="logonPoint"/>; returns the server's decision.</summary>
    public static Task<LogonResponse> LogonAsync(LiveServer server, string logonPoint, string secret, string name, string address) =>
        LogonAsync(server, logonPoint, new LogonRequest(secret, "logon", name, [address], null, null, null));

    /// <summary>An enrolled computer with <paramref name="installed"/> logs on again with its credentials.</summary>
    public static Task<LogonResponse> LogonAgainAsync(LiveServer server, string logonPoint, string secret, string name, string address, Enrollment enrollment, string installed) =>
        LogonAsync(server, logonPoint, new LogonRequest(secret, "logon", name, [address], enrollment.ClientId, enrollment.ClientSecret, installed));

    private static async Task<LogonResponse> LogonAsync(LiveServer server, string logonPoint, LogonRequest request)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(server.Url + Routes.Logon(logonPoint), request, ProtocolJson.Default.LogonRequest);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!;
    }
}
