using System.Security.Cryptography;
using Steward.Protocol.Signing;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Security;

/// <summary>One loaded signing key: its number, fingerprint, public key, state and (unless retired) private key.</summary>
internal sealed class ServerKey
{
    private ServerKey(SigningKeyRow row, ECDsa? privateKey)
    {
        Row = row;
        Fingerprint = KeyFingerprint.Of(row.PublicKey) ?? throw new InvalidOperationException($"Signing key {row.Number}'s public key is not base64.");
        Private = privateKey;
    }

    public SigningKeyRow Row { get; }

    public long Number => Row.Number;

    public string Fingerprint { get; }

    /// <summary>SubjectPublicKeyInfo, base64: what agents pin.</summary>
    public string PublicKey => Row.PublicKey;

    /// <summary>Null once retired.</summary>
    public ECDsa? Private { get; }

    /// <summary>Loads a row, reusing the private key of <paramref name="loaded"/> when it is the same key in the same state.</summary>
    public static ServerKey Load(SigningKeyRow row, ServerKey? loaded)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.PrivateKey.Length == 0)
        {
            return new ServerKey(row, null);
        }

        if (loaded is { Private: { } reused } && loaded.Row.PublicKey == row.PublicKey)
        {
            return new ServerKey(row, reused);
        }

        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(row.PrivateKey), out _);
        return new ServerKey(row, key);
    }
}
