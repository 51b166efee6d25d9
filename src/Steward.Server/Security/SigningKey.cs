using System.Security.Cryptography;
using Steward.Protocol.Packages;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Security;

/// <summary>
/// The package-signing key pair (ECDSA P-256). Made at first start and kept in the database, so that every
/// server process on one database signs with the same key that agents pinned.
/// </summary>
internal sealed class SigningKey(IStewardStore store, TimeProvider time) : IDisposable
{
    private ECDsa? _key;

    /// <summary>The public key (SubjectPublicKeyInfo, base64) agents pin.</summary>
    public string PublicKey { get; private set; } = "";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var candidate = new SigningKeyRow
        {
            Id = Guid.CreateVersion7().ToString(),
            PrivateKey = Convert.ToBase64String(fresh.ExportPkcs8PrivateKey()),
            PublicKey = ManifestSignature.PublicKey(fresh),
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var stored = await store.EnsureSigningKeyAsync(candidate, cancellationToken).ConfigureAwait(false);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey), out _);
        _key = key;
        PublicKey = stored.PublicKey;
    }

    public byte[] Sign(ReadOnlySpan<byte> manifest) =>
        ManifestSignature.Sign(_key ?? throw new InvalidOperationException("The signing key is not loaded yet."), manifest);

    public void Dispose() => _key?.Dispose();
}
