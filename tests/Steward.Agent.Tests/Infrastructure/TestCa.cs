using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>A private CA made for one test, and the server certificates it issues, written as PEM files.</summary>
internal sealed class TestCa : IDisposable
{
    private readonly ECDsa _key;

    public TestCa(string name)
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddDays(-2), now.AddDays(2));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Writes the CA certificate as PEM; returns the path.</summary>
    public string WritePem(string path)
    {
        File.WriteAllText(path, Certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>
    /// Issues a server certificate (CN <paramref name="subject"/>) for the loopback address, or for
    /// <paramref name="dnsName"/> alone, and writes it and its key as PEM next to each other.
    /// </summary>
    public (string Certificate, string Key) Issue(string directory, string subject, string? dnsName = null, bool expired = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (dnsName is null)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }
        else
        {
            names.AddDnsName(dnsName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = expired
            ? request.Create(Certificate, now.AddDays(-1), now.AddHours(-1), serial)
            : request.Create(Certificate, now.AddDays(-1), now.AddDays(1), serial);
        var certificate = Path.Combine(directory, subject + ".pem");
        var keyFile = Path.Combine(directory, subject + ".key");
        File.WriteAllText(certificate, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificate, keyFile);
    }

    /// <summary>
    /// An HTTP handler that trusts exactly this CA and keeps the last certificate the server showed; with
    /// <paramref name="anyName"/>, a certificate for another name than the address is accepted too.
    /// </summary>
    public TrustingHandler Handler(bool anyName = false) => new(Certificate, anyName);

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    /// <summary>See <see cref="Handler"/>.</summary>
    internal sealed class TrustingHandler : DelegatingHandler
    {
        public TrustingHandler(X509Certificate2 root, bool anyName)
        {
            // A new connection for each request, so that each one shows the certificate served now.
            InnerHandler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.Zero,
                SslOptions = new SslClientAuthenticationOptions
                {
                    CertificateChainPolicy = new X509ChainPolicy
                    {
                        TrustMode = X509ChainTrustMode.CustomRootTrust,
                        CustomTrustStore = { root },
                        RevocationMode = X509RevocationMode.NoCheck,
                    },
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    {
                        LastSubject = certificate?.Subject;
                        return (anyName ? errors & ~SslPolicyErrors.RemoteCertificateNameMismatch : errors) == SslPolicyErrors.None;
                    },
                },
            };
        }

        /// <summary>The subject of the certificate of the last connection.</summary>
        public string? LastSubject { get; private set; }
    }
}
