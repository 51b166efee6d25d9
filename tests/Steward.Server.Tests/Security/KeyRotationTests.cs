using System.Net;
using Steward.Packaging.Signatures;
using Steward.Protocol;
using Steward.Protocol.Signing;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Security;

/// <summary>
/// Signing-key rotation (decision 0015): a new key signs from then on for new clients; a client that pins
/// an older key gets its offers signed with that key and the new key endorsed by it until it says it pins
/// the new one; the older key is retired when no client pins it.
/// </summary>
public abstract class KeyRotationTests : ApiTest
{
    private const string Old = "2.00.1493.2000";
    private const string New = "2.00.1493.2001";
    private string _secret = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Admin.PublishAsync(Old);
        await Admin.AddSiteAsync("B01", Old, "10.2.0.0/16");
        _secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
    }

    [Fact]
    public async Task Rotate_ClientsAdoptTheEndorsedKey_OffersSignedWithThePinnedKeyMeanwhile_OldKeyRetiredWithTheLast()
    {
        var first = await App.Anonymous.LogonAsync("DC1", _secret, "PC-1", ["10.2.0.1"], installed: Old);
        var second = await App.Anonymous.LogonAsync("DC1", _secret, "PC-2", ["10.2.0.2"], installed: Old);
        var key1 = first.ServerKey;
        var fp1 = KeyFingerprint.Of(key1);
        using var agent1 = App.Client(AgentApi.Basic(first.Enrollment!));
        using var agent2 = App.Client(AgentApi.Basic(second.Enrollment!));
        Assert.Null((await agent1.SignedCycleAsync("B01", ["10.2.0.1"], Old, Nonce.New(), fp1)).NewKey);
        Assert.Equal([(1L, "active", 2L)], (await Admin.KeysAsync()).Select(k => (k.Number, k.State, k.Clients)));

        var rotated = await Admin.RotateAsync();

        Assert.Equal((2L, "active"), (rotated.Number, rotated.State));
        Assert.Equal([(1L, "endorsed", 2L), (2L, "active", 0L)], (await Admin.KeysAsync()).Select(k => (k.Number, k.State, k.Clients)));

        // A package published now is signed with key 2; a client pinning key 1 still gets it signed with key 1.
        await Admin.PublishAsync(New);
        await Admin.SetSiteVersionAsync("B01", New);
        var nonce = Nonce.New();
        var upgrade = await agent1.SignedCycleAsync("B01", ["10.2.0.1"], Old, nonce, fp1);
        Assert.Equal(nonce, OfferSignature.Verify(key1, upgrade.Package!.Offer, upgrade.Package.OfferSignature).Nonce);
        Assert.Equal(New, ManifestSignature.Verify(key1, upgrade.Package.Manifest, upgrade.Package.Signature).Version);
        var endorsement = KeyEndorsements.Verify(key1, upgrade.NewKey!);
        Assert.Equal((rotated.Fingerprint, rotated.PublicKey, fp1), (endorsement.KeyId, endorsement.PublicKey, endorsement.EndorsedBy));

        // Adopted: the client says it pins key 2; offers come signed with key 2 and no endorsement any more.
        var nonce2 = Nonce.New();
        var adopted = await agent1.SignedCycleAsync("B01", ["10.2.0.1"], Old, nonce2, rotated.Fingerprint);
        Assert.Null(adopted.NewKey);
        Assert.Equal(nonce2, OfferSignature.Verify(rotated.PublicKey, adopted.Package!.Offer, adopted.Package.OfferSignature).Nonce);
        Assert.Equal([(1L, "endorsed", 1L), (2L, "active", 1L)], (await Admin.KeysAsync()).Select(k => (k.Number, k.State, k.Clients)));

        // The last client pinning key 1 moves: key 1 is retired.
        await agent2.SignedCycleAsync("B01", ["10.2.0.2"], Old, Nonce.New(), endorsement.KeyId);
        var keys = await Admin.KeysAsync();
        Assert.Equal([(1L, "retired", 0L), (2L, "active", 2L)], keys.Select(k => (k.Number, k.State, k.Clients)));
        Assert.NotNull(keys[0].RetiredAt);

        // A new computer enrolls under key 2.
        var third = await App.Anonymous.LogonAsync("DC1", _secret, "PC-3", ["10.2.0.3"]);
        Assert.Equal(rotated.PublicKey, third.ServerKey);
    }

    [Fact]
    public async Task KeptRepeat_ForAClientOnTheOldKey_IsDecidedAfreshAfterARotation()
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-1", ["10.2.0.1"], installed: Old);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));
        var fp1 = KeyFingerprint.Of(logon.ServerKey);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null((await agent.SignedCycleAsync("B01", ["10.2.0.1"], Old, Nonce.New(), fp1)).NewKey);
        }

        var rotated = await Admin.RotateAsync();

        for (var i = 0; i < 2; i++)
        {
            var answer = await agent.SignedCycleAsync("B01", ["10.2.0.1"], Old, Nonce.New(), fp1);
            Assert.Equal(rotated.Fingerprint, KeyEndorsements.Verify(logon.ServerKey, answer.NewKey!).KeyId);
        }
    }

    [Fact]
    public async Task AgentNamingNoKey_KeepsItsRecordedKey_AndIsNeverSentAnEndorsement()
    {
        var logon = await App.Anonymous.LogonAsync("DC1", _secret, "PC-1", ["10.2.0.1"], installed: Old);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));
        await Admin.RotateAsync();
        await Admin.PublishAsync(New);
        await Admin.SetSiteVersionAsync("B01", New);

        var answer = await agent.CycleAsync("B01", ["10.2.0.1"], Old);

        Assert.Null(answer.NewKey);
        Assert.Equal(New, ManifestSignature.Verify(logon.ServerKey, answer.Package!.Manifest, answer.Package.Signature).Version);
        Assert.Equal([1L, 0L], (await Admin.KeysAsync()).Select(k => k.Clients));
    }

    [Fact]
    public async Task Retire_RefusedWhilePinnedOrActive_NotFoundForNoSuchKey_BadNumberNamed()
    {
        await App.Anonymous.LogonAsync("DC1", _secret, "PC-1", ["10.2.0.1"], installed: Old);

        await Expect.ProblemAsync(HttpStatusCode.Conflict, await Admin.PostAsync(Routes.KeyRetire(1), null));
        await Admin.RotateAsync();
        var pinned = await Expect.ProblemAsync(HttpStatusCode.Conflict, await Admin.PostAsync(Routes.KeyRetire(1), null));
        Assert.Contains("1 client(s) still pin key 1", pinned.Detail, StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, await Admin.PostAsync(Routes.KeyRetire(2), null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await Admin.PostAsync(Routes.KeyRetire(9), null));
        await Expect.FieldErrorAsync(await Admin.PostAsync("/v1/keys/one/retire", null), "number");
        Assert.Equal(["endorsed", "active"], (await Admin.KeysAsync()).Select(k => k.State));
    }

    [Fact]
    public async Task Retire_AKeyNoClientPins_ErasesItsPrivateKey()
    {
        await Admin.RotateAsync();

        var response = await Admin.PostAsync(Routes.KeyRetire(1), null);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal(["retired", "active"], (await Admin.KeysAsync()).Select(k => k.State));
    }

    [Fact]
    public async Task KeysAndRotation_WithoutTheAdminToken_AreRefused()
    {
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await App.Anonymous.GetAsync(Routes.Keys));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await App.Anonymous.PostAsync(Routes.KeyRotate, null));
        Assert.Single(await Admin.KeysAsync());
    }
}

public sealed class KeyRotationOnSqlite : KeyRotationTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class KeyRotationOnPostgres : KeyRotationTests
{
    protected override Engine Engine => Engine.Postgres;
}
