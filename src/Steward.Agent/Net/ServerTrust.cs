using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Steward.Agent.Net;

/// <summary>
/// Which server certificates the agent accepts over HTTPS. With no CA given, the computer's own trust store
/// decides (the platform's validation). With a private CA (<c>steward-agent logon --ca FILE</c>, kept in the
/// state), exactly that CA is trusted for the server: the chain must end at it, whatever the computer's
/// store holds, and the name must match. Built with <see cref="X509ChainTrustMode.CustomRootTrust"/>, which
/// Native AOT supports; revocation is not checked (a private CA seldom publishes a revocation list).
/// </summary>
internal sealed class ServerTrust
{
    private X509Certificate2Collection? _roots;

    /// <summary>Why the last certificate was refused, in words; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Reads the CA certificates of a PEM text; the reason in words when there is none.</summary>
    public static X509Certificate2Collection? ReadPem(string pem, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        problem = null;
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            problem = $"it is not a PEM certificate ({e.Message})";
            return null;
        }

        if (roots.Count == 0)
        {
            problem = "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
            return null;
        }

        return roots;
    }

    /// <summary>Trusts exactly the CA certificates of <paramref name="pem"/> from now on; null: the computer's trust store.</summary>
    public void Use(string? pem) => _roots = pem is null ? null : ReadPem(pem, out _);

    /// <summary>
    /// The agent's error for a request that failed because the server's certificate was refused, or null when
    /// it failed otherwise. Not transient: the server is there but is not the one to trust, which waiting does not change.
    /// </summary>
    public AgentException? Refused(HttpRequestException failure, Uri url)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.InnerException is AuthenticationException && LastRefusal is { } refusal
            ? new AgentException($"Refused {url}: {refusal}.", failure)
            : null;
    }

    /// <summary>The handler's validation callback.</summary>
    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        LastRefusal = Refusal(certificate, chain, errors);
        return LastRefusal is null;
    }

    private string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the server presented no certificate";
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "the server's certificate is for another name";
        }

        if (_roots is not { } roots)
        {
            return errors == SslPolicyErrors.None
                ? null
                : "the server's certificate is not signed by a CA this computer trusts (give the private CA with 'steward-agent logon --ca FILE')";
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent, so that a chain through them can be built.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf)
            ? null
            : $"the server's certificate is not signed by the CA given with --ca ({string.Join("; ", custom.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct())})";
    }
}
