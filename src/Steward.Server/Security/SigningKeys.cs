using System.Globalization;
using System.Security.Cryptography;
using Steward.Packaging.Signatures;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Security;

/// <summary>
/// The package-signing keys (ECDSA P-256), kept in the database so that every server process on one
/// database signs with the keys agents pinned. The first is made at first start; <c>steward key rotate</c>
/// adds the next (decision 0015). Each process reloads them when they are older than
/// <see cref="ReloadAfter"/>, so a rotation made by another process reaches it within that time.
/// </summary>
internal sealed class SigningKeys(IStewardStore store, TimeProvider time) : IDisposable
{
    /// <summary>How long a process signs with the keys it loaded before reading them again.</summary>
    public static readonly TimeSpan ReloadAfter = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private KeyRing? _ring;
    private long _loadedAt;

    /// <summary>The keys as last loaded.</summary>
    public KeyRing Ring => _ring ?? throw new InvalidOperationException("The signing keys are not loaded yet.");

    /// <summary>The active public key (SubjectPublicKeyInfo, base64).</summary>
    public string PublicKey => Ring.Active.PublicKey;

    /// <summary>Makes the first key unless one exists, then loads them all.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await store.EnsureSigningKeyAsync(NewRow(1), cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys, read again first when they were loaded more than <see cref="ReloadAfter"/> ago.</summary>
    public ValueTask<KeyRing> CurrentAsync(CancellationToken cancellationToken) =>
        time.GetUtcNow().ToUnixTimeMilliseconds() - Volatile.Read(ref _loadedAt) < (long)ReloadAfter.TotalMilliseconds
            ? ValueTask.FromResult(Ring)
            : new ValueTask<KeyRing>(ReloadAsync(cancellationToken));

    /// <summary>Reads the keys from the database now.</summary>
    public async Task<KeyRing> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var rows = await store.ListSigningKeysAsync(cancellationToken).ConfigureAwait(false);
            var loaded = _ring?.Keys.ToDictionary(k => k.Number);

            // An earlier ring is never disposed: a request may still be signing with it.
            var ring = new KeyRing([.. rows.Select(r => ServerKey.Load(r, loaded?.GetValueOrDefault(r.Number)))]);
            _ring = ring;
            Volatile.Write(ref _loadedAt, time.GetUtcNow().ToUnixTimeMilliseconds());
            return ring;
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>Makes the next key and makes it the active one; the keys are reloaded.</summary>
    public async Task<(StoreResult Result, KeyRing Ring)> RotateAsync(AuditRow audit, CancellationToken cancellationToken)
    {
        var current = await ReloadAsync(cancellationToken).ConfigureAwait(false);
        var result = await store.AddSigningKeyAsync(NewRow(current.Keys[^1].Number + 1), audit, cancellationToken).ConfigureAwait(false);
        return (result, await ReloadAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Retires an endorsed key no client pins; the keys are reloaded.</summary>
    public async Task<StoreResult> RetireAsync(long number, AuditRow audit, CancellationToken cancellationToken)
    {
        var result = await store.RetireSigningKeyAsync(number, audit, cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Retires key <paramref name="number"/> once no client pins it: called when a client moves off it. Nothing
    /// happens while one still does, or when it is the active key.
    /// </summary>
    public async Task RetireIfUnpinnedAsync(long number, CancellationToken cancellationToken)
    {
        var ring = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (ring.Keys.FirstOrDefault(k => k.Number == number) is not { Row.State: SigningKeyStates.Endorsed }
            || await store.AnyClientPinsAsync(number, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var audit = new AuditRow
        {
            At = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Actor = "server",
            Action = "key.retire",
            Target = number.ToString(CultureInfo.InvariantCulture),
            Details = "no client pins it any more: the last one adopted the active key",
        };
        await RetireAsync(number, audit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs manifest bytes with the active key; the second value is its number.</summary>
    public (byte[] Signature, long Key) Sign(ReadOnlySpan<byte> manifest)
    {
        var active = Ring.Active;
        return (ManifestSignature.Sign(active.Private!, manifest), active.Number);
    }

    public void Dispose() => _reloading.Dispose();

    private SigningKeyRow NewRow(long number)
    {
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKeyRow
        {
            Id = Guid.CreateVersion7().ToString(),
            Number = number,
            State = SigningKeyStates.Active,
            PrivateKey = Convert.ToBase64String(fresh.ExportPkcs8PrivateKey()),
            PublicKey = ManifestSignature.PublicKey(fresh),
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }
}
