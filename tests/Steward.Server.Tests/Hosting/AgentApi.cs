using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.Server.Tests.Hosting;

/// <summary>What an agent sends, as plain HTTP calls.</summary>
public static class AgentApi
{
    public static Task<HttpResponseMessage> PostLogonAsync(this HttpClient client, string point, LogonRequest request) =>
        client.PostAsJsonAsync(Routes.Logon(point), request, ProtocolJson.Default.LogonRequest);

    /// <summary>A logon that must be answered 200.</summary>
    public static async Task<LogonResponse> LogonAsync(
        this HttpClient client, string point, string secret, string computer, string[] addresses, Enrollment? enrolled = null, string? installed = null, string trigger = "logon")
    {
        var response = await client.PostLogonAsync(point, new LogonRequest(secret, trigger, computer, addresses, enrolled?.ClientId, enrolled?.ClientSecret, installed));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!;
    }

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    public static AuthenticationHeaderValue Basic(Enrollment enrollment) => Basic(enrollment.ClientId, enrollment.ClientSecret);

    public static Task<HttpResponseMessage> PostCycleAsync(this HttpClient agent, string site, CycleRequest request) =>
        agent.PostAsJsonAsync(Routes.Cycle(site), request, ProtocolJson.Default.CycleRequest);

    /// <summary>A maintenance cycle that must be answered 200.</summary>
    public static async Task<CycleResponse> CycleAsync(this HttpClient agent, string site, string[] addresses, string installed)
    {
        var response = await agent.PostCycleAsync(site, new CycleRequest(addresses, installed, null, null));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.CycleResponse))!;
    }
}
