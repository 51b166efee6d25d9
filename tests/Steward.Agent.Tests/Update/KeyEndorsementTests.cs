using Steward.Agent.Tests.Infrastructure;
using Steward.Packaging;
using Steward.Packaging.Signatures;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;

namespace Steward.Agent.Tests.Update;

/// <summary>
/// An agent adopts a new server key only when the key it pins endorses it (issue 10, key rotation): every
/// other endorsement an attacker could send is refused, so the pinned key stays.
/// </summary>
public sealed class KeyEndorsementTests : IDisposable
{
    private readonly PackageSigner _pinned = new();
    private readonly PackageSigner _rotated = new();
    private readonly PackageSigner _attacker = new();

    [Fact]
    public void EndorsedByThePinnedKey_IsAdopted()
    {
        var endorsement = KeyEndorsements.Verify(_pinned.PublicKey, _pinned.Endorse(_rotated));

        Assert.Equal((_rotated.PublicKey, _rotated.Fingerprint, _pinned.Fingerprint), (endorsement.PublicKey, endorsement.KeyId, endorsement.EndorsedBy));
    }

    [Fact]
    public void EndorsedByAnUnknownKey_IsRefused() =>
        Refused(_attacker.Endorse(_attacker));

    [Fact]
    public void SignedByAnotherKey_ThoughItNamesThePinnedOne_IsRefused() =>
        Refused(_attacker.Endorse(_attacker, e => e with { EndorsedBy = _pinned.Fingerprint }));

    [Fact]
    public void AnotherEndorsementsDocument_UnderThePinnedKeysSignature_IsRefused()
    {
        var genuine = _pinned.Endorse(_rotated);
        var forged = _pinned.Endorse(_attacker);

        Refused(genuine with { Endorsement = forged.Endorsement });
    }

    [Fact]
    public void AKeyWhoseFingerprintIsNotTheStatedOne_IsRefused() =>
        Refused(_pinned.Endorse(_rotated, e => e with { PublicKey = _attacker.PublicKey }));

    [Fact]
    public void AnEndorsementNamingAnotherSigner_IsRefused() =>
        Refused(_pinned.Endorse(_rotated, e => e with { EndorsedBy = _attacker.Fingerprint }));

    [Fact]
    public void AnUnknownFormat_IsRefused() =>
        Refused(_pinned.Endorse(_rotated, e => e with { Format = KeyEndorsement.CurrentFormat + 1 }));

    private void Refused(EndorsedKey endorsed)
    {
        var refusal = Assert.Throws<PackageException>(() => KeyEndorsements.Verify(_pinned.PublicKey, endorsed));
        Assert.Contains("refused", refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _pinned.Dispose();
        _rotated.Dispose();
        _attacker.Dispose();
    }
}
