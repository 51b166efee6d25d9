using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol.Signing;

namespace Steward.Agent.Tests.Update;

/// <summary>
/// A man in the middle, a replay or another key against the whole signed offer: each is refused before
/// anything is downloaded, with the installed agent (pointer and every file) untouched.
/// </summary>
public sealed class SignedOfferAttackTests
{
    private const string Old = "2.00.1493.2000";
    private const string Hotfix = "2.00.1493.2001";

    public static TheoryData<string> PlainFields => ["version", "size", "sha256", "url", "downgrade", "manifest"];

    [Theory]
    [MemberData(nameof(PlainFields))]
    public async Task Apply_PlainFieldChangedInTransit_IsRefused(string field)
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var (_, other) = world.Package("2.00.1493.2002");
        var offer = world.Package(Hotfix).Offer;
        var tampered = field switch
        {
            "version" => offer with { Version = other.Version },
            "size" => offer with { Size = offer.Size + 1 },
            "sha256" => offer with { Sha256 = other.Sha256 },
            "url" => offer with { Url = other.Url },
            "downgrade" => offer with { Downgrade = true },
            _ => offer with { Manifest = other.Manifest, Signature = other.Signature },
        };

        await world.AssertRefusedAsync(tampered, "is not what the server signed");
    }

    public static TheoryData<string> SignedFields => ["format", "keyId", "clientId", "nonce", "installed", "version", "size", "sha256", "url", "downgrade", "manifestSha256"];

    [Theory]
    [MemberData(nameof(SignedFields))]
    public async Task Apply_SignedDocumentChangedAfterSigning_IsRefused(string field)
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Package(Hotfix).Offer;
        var document = Convert.FromBase64String(offer.Offer!);
        var text = System.Text.Encoding.UTF8.GetString(document);
        var name = $"\"{field}\":";
        var at = text.IndexOf(name, StringComparison.Ordinal) + name.Length;
        Assert.True(at > name.Length, text);

        // One character of the field's value changed, as a man in the middle would: the signature no longer holds.
        var changed = text[..at] + (text[at] == '"' ? "\"x" + text[(at + 1)..] : (text[at] == '1' ? "2" : "1") + text[(at + 1)..]);
        var tampered = offer with { Offer = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(changed)) };

        await world.AssertRefusedAsync(tampered, "signature does not verify");
    }

    [Fact]
    public async Task Apply_OfferWithoutItsSignature_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Package(Hotfix).Offer;

        await world.AssertRefusedAsync(offer with { Offer = null, OfferSignature = null }, "is not signed");
    }

    [Fact]
    public async Task Apply_OfferOfAnotherRequest_IsRefusedAsAReplay()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Package(Hotfix).Offer;

        // The genuine offer, signed for an earlier request; this request sent a new nonce.
        await world.AssertRefusedAsync(offer, "a replay", world.Sent with { Nonce = Nonce.New() });
    }

    [Fact]
    public async Task Apply_OfferForAnotherClient_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var genuine = world.Package(Hotfix).Offer;
        var forOther = world.Signer.Signed(genuine, "client-2", world.Nonce, world.Current);

        await world.AssertRefusedAsync(forOther, "is for client client-2");
    }

    [Fact]
    public async Task Apply_OfferForAnotherInstalledVersion_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Signer.Signed(world.Package(Hotfix).Offer, UpdaterWorld.ClientId, world.Nonce, "2.00.1493.1999");

        await world.AssertRefusedAsync(offer, "applies to installed version 2.00.1493.1999");
    }

    [Fact]
    public async Task Apply_OfferSignedByAnUnknownKey_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        using var attacker = new PackageSigner();

        // Everything signed by the attacker's key, the manifest too.
        await world.AssertRefusedAsync(world.Package(Hotfix, signer: attacker).Offer, "signature does not verify");
    }

    [Fact]
    public async Task Apply_OfferNamingAnotherKey_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Signer.Signed(world.Package(Hotfix).Offer, UpdaterWorld.ClientId, world.Nonce, world.Current, change: o => o with { KeyId = new string('a', 64) });

        await world.AssertRefusedAsync(offer, "names another signing key");
    }

    [Fact]
    public async Task Apply_OfferOfAnUnknownFormat_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var offer = world.Signer.Signed(world.Package(Hotfix).Offer, UpdaterWorld.ClientId, world.Nonce, world.Current, change: o => o with { Format = 2 });

        await world.AssertRefusedAsync(offer, "format 2");
    }

    [Fact]
    public async Task Apply_OlderVersionWithAnUnsignedDowngradeFlag_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Hotfix);

        // The server signed no downgrade; the flag set in transit does not count.
        var offer = world.Package(Old).Offer;
        await world.AssertRefusedAsync(offer with { Downgrade = true }, "is not what the server signed");
        await world.AssertRefusedAsync(offer, "older than the installed");
    }

    [Fact]
    public async Task Apply_SignedDowngradeForAnotherInstalledVersion_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Hotfix);
        var offer = world.Signer.Signed(world.Package(Old, downgrade: true).Offer, UpdaterWorld.ClientId, world.Nonce, "2.00.1493.2005");

        await world.AssertRefusedAsync(offer, "applies to installed version 2.00.1493.2005");
    }
}
