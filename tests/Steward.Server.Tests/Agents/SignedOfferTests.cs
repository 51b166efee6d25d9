using System.Net;
using System.Net.Http.Json;
using Steward.Packaging.Signatures;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Agents;

/// <summary>
/// Every offer is signed whole for the client, the request's nonce and the version it runs (decision
/// 0015); a request without a nonce (an older agent) gets the manifest's signature alone.
/// </summary>
public abstract class SignedOfferTests : ApiTest
{
    private const string Old = "2.00.1493.2000";
    private const string New = "2.00.1493.2001";
    private string _secret = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync(Old);
        await Admin.PublishAsync(New);
        await Admin.AddSiteAsync("B01", New, "10.2.0.0/16");
        _secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
    }

    [Fact]
    public async Task UpgradeCycle_OfferSignedWholeForTheClientTheNonceAndTheInstalledVersion()
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-1", ["10.2.0.1"], installed: Old);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));
        var nonce = Nonce.New();

        var answer = await agent.SignedCycleAsync("B01", ["10.2.0.1"], Old, nonce, KeyFingerprint.Of(logon.ServerKey));

        var offer = answer.Package!;
        var signed = OfferSignature.Verify(logon.ServerKey, offer.Offer, offer.OfferSignature);
        Assert.Equal(
            new SignedOffer(1, KeyFingerprint.Of(logon.ServerKey)!, logon.Enrollment!.ClientId, nonce, Old, New, offer.Size, offer.Sha256, offer.Url, "hotfix", false,
                OfferSignature.ManifestHash(offer.Manifest)),
            signed);
        Assert.Equal(New, ManifestSignature.Verify(logon.ServerKey, offer.Manifest, offer.Signature).Version);
        Assert.Null(answer.NewKey);

        // Another request, another nonce: another signed offer, never a kept answer.
        var again = await agent.SignedCycleAsync("B01", ["10.2.0.1"], Old, Nonce.New(), KeyFingerprint.Of(logon.ServerKey));
        Assert.NotEqual(nonce, OfferSignature.Verify(logon.ServerKey, again.Package!.Offer, again.Package.OfferSignature).Nonce);
    }

    [Fact]
    public async Task InstallAtLogon_OfferSignedForTheNewClientId()
    {
        var nonce = Nonce.New();
        var response = await App.Anonymous.PostLogonAsync("DC1", new LogonRequest(_secret, "logon", "PC-2", ["10.2.0.2"], null, null, null, nonce));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var logon = (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!;

        var signed = OfferSignature.Verify(logon.ServerKey, logon.Package!.Offer, logon.Package.OfferSignature);
        Assert.Equal((logon.Enrollment!.ClientId, nonce, (string?)null, New, "install"), (signed.ClientId, signed.Nonce, signed.Installed, signed.Version, signed.Kind));
    }

    [Fact]
    public async Task RequestWithoutNonce_GetsTheOldFormWithTheManifestSignatureAlone()
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-3", ["10.2.0.3"], installed: Old);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));

        var answer = await agent.CycleAsync("B01", ["10.2.0.3"], Old);

        Assert.Null(answer.Package!.Offer);
        Assert.Null(answer.Package.OfferSignature);
        Assert.False(answer.Package.Downgrade);
        Assert.Equal(New, ManifestSignature.Verify(logon.ServerKey, answer.Package.Manifest, answer.Package.Signature).Version);
    }

    [Theory]
    [InlineData("short", null, "nonce")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", null, "nonce")]
    [InlineData(null, "ABCDEF", "pinnedKey")]
    [InlineData(null, "0000000000000000000000000000000000000000000000000000000000000000X", "pinnedKey")]
    public async Task MalformedNonceOrPinnedKey_IsRefusedNamingTheField(string? nonce, string? pinnedKey, string field)
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-4", ["10.2.0.4"], installed: New);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));

        // Twice: the second could be answered from a kept repeat.
        for (var i = 0; i < 2; i++)
        {
            await Expect.FieldErrorAsync(await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.4"], New, null, null, Nonce: nonce, PinnedKey: pinnedKey)), field);
        }

        var logonAgain = await App.Anonymous.PostLogonAsync("DC1", new LogonRequest(_secret, "logon", "PC-4", ["10.2.0.4"], null, null, null, nonce, pinnedKey));
        await Expect.FieldErrorAsync(logonAgain, field);
    }

    [Fact]
    public async Task UpToDateCycles_WithNonces_AreKeptRepeatsWithoutAnOffer()
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-5", ["10.2.0.5"], installed: New);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));
        var key = KeyFingerprint.Of(logon.ServerKey);
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await agent.PostCycleAsync("B01", new CycleRequest(["10.2.0.5"], New, null, null, Nonce: Nonce.New(), PinnedKey: key));
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Contains("\"package\":null", answers[0], StringComparison.Ordinal);
    }
}

public sealed class SignedOfferOnSqlite : SignedOfferTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class SignedOfferOnPostgres : SignedOfferTests
{
    protected override Engine Engine => Engine.Postgres;
}
