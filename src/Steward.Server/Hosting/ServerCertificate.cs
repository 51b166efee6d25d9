using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Steward.Server.Hosting;

/// <summary>
/// The HTTPS certificate, as Kestrel's own configuration names it (<c>Kestrel:Certificates:Default:Path</c>,
/// <c>KeyPath</c>, <c>Password</c>; <c>--certificate</c>, <c>--certificate-key</c>, <c>--certificate-password</c>
/// or appsettings.json alike). Kestrel loads it and reloads it when the file changes; this check only
/// refuses, before the server starts, what Kestrel would fail on later or serve wrongly: a file that is
/// missing or unreadable, a key that does not open, a certificate out of its validity, or an https
/// address with no certificate.
/// </summary>
internal static class ServerCertificate
{
    public const string Section = "Kestrel:Certificates:Default";

    private const string Endpoints = "Kestrel:Endpoints";

    /// <summary>
    /// With a certificate and no <c>Kestrel:Endpoints</c> of the operator's own, the <c>--urls</c> addresses become
    /// Kestrel endpoints of the configuration: Kestrel reloads the certificate of those when its file changes,
    /// and of addresses given as URLs it does not.
    /// </summary>
    public static void BindUrlsAsEndpoints(WebApplicationBuilder builder, string defaultUrl)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[$"{Section}:Path"]) || configuration.GetSection(Endpoints).GetChildren().Any())
        {
            return;
        }

        var urls = Urls(configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } given ? given : defaultUrl);
        configuration.AddInMemoryCollection(urls.Select((url, i) => KeyValuePair.Create($"{Endpoints}:Url{i}:Url", (string?)url)));
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
    }

    /// <summary>Throws <see cref="InvalidConfigurationException"/> saying what is wrong, in one line.</summary>
    public static void Check(IConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        var path = configuration[$"{Section}:Path"];
        var keyPath = configuration[$"{Section}:KeyPath"];
        var urls = Urls(configuration[WebHostDefaults.ServerUrlsKey] ?? "")
            .Concat(configuration.GetSection(Endpoints).GetChildren().Select(e => e["Url"] ?? ""))
            .ToList();
        var https = urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrEmpty(path))
        {
            if (!string.IsNullOrEmpty(keyPath))
            {
                throw new InvalidConfigurationException("--certificate-key needs --certificate FILE (the PEM certificate the key belongs to).");
            }

            if (https && configuration.GetSection(Endpoints).GetChildren().All(e => e["Certificate:Path"] is null))
            {
                throw new InvalidConfigurationException($"{string.Join(';', urls)} has an https address but no certificate: give --certificate FILE (PEM with --certificate-key, or PFX).");
            }

            return;
        }

        if (!https)
        {
            throw new InvalidConfigurationException($"--certificate is given but no address is https ({string.Join(';', urls)}): use --urls https://HOST:PORT.");
        }

        using var certificate = Load(path, keyPath, configuration[$"{Section}:Password"]);
        var now = time.GetUtcNow();
        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw new InvalidConfigurationException($"the certificate {path} ({certificate.Subject}) expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC; give a current one.");
        }

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw new InvalidConfigurationException($"the certificate {path} ({certificate.Subject}) is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidConfigurationException($"the certificate {path} has no private key: give a PFX with its key, or the PEM key with --certificate-key FILE.");
        }
    }

    private static string[] Urls(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidConfigurationException($"the certificate file {path} does not exist.");
        }

        if (keyPath is not null && !File.Exists(keyPath))
        {
            throw new InvalidConfigurationException($"the certificate key file {keyPath} does not exist.");
        }

        try
        {
            if (keyPath is not null)
            {
                return password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            }

            return X509Certificate2.GetCertContentType(path) == X509ContentType.Pkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException(
                $"the certificate {path}{(keyPath is null ? "" : $" with the key {keyPath}")} cannot be read: {e.Message.Trim()} (a PEM certificate needs --certificate-key; a PFX its --certificate-password or Kestrel__Certificates__Default__Password).");
        }
    }
}
