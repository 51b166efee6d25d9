using System.Net;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;

namespace Steward.Server.Tests.Hosting;

/// <summary>Signing keys through the admin API, and agent calls that say which key they pin and send a nonce.</summary>
public static class KeyApi
{
    public static async Task<IReadOnlyList<KeyView>> KeysAsync(this HttpClient admin)
    {
        var response = await admin.GetAsync(Routes.Keys);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.IReadOnlyListKeyView))!;
    }

    public static async Task<KeyView> RotateAsync(this HttpClient admin)
    {
        var response = await admin.PostAsync(Routes.KeyRotate, null);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.KeyView))!;
    }

    /// <summary>A cycle with a nonce and the pinned key's fingerprint, that must be answered 200.</summary>
    public static async Task<CycleResponse> SignedCycleAsync(this HttpClient agent, string site, string[] addresses, string installed, string nonce, string? pinnedKey)
    {
        var response = await agent.PostCycleAsync(site, new CycleRequest(addresses, installed, null, null, Nonce: nonce, PinnedKey: pinnedKey));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.CycleResponse))!;
    }
}
