namespace Steward.Server.Hosting;

/// <summary>One command-line option of the server and the configuration key it sets.</summary>
/// <param name="Name">The option, <c>--data</c>.</param>
/// <param name="Key">The configuration key it sets, <c>Steward:Data</c>.</param>
/// <param name="Description">What it is, for <c>steward server --help</c>.</param>
public sealed record ServerSwitch(string Name, string Key, string Description);

/// <summary>
/// The server's command-line options, declared once: the server maps them onto its configuration, and
/// <c>steward server</c> offers them (with their help) and hands them on. Any other
/// <c>--Section:Name=value</c> reaches the configuration as it is.
/// </summary>
public static class ServerSwitches
{
    /// <summary>Every option, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<ServerSwitch> All { get; } =
    [
        new("--urls", "urls", $"Where to listen (default {StewardServer.DefaultUrl})."),
        new("--data", $"{ServerOptions.Section}:{nameof(ServerOptions.Data)}", "The data directory: SQLite database, packages, administrator token (default ./steward-data)."),
        new("--database", $"{ServerOptions.Section}:{nameof(ServerOptions.Database)}", "sqlite (default, embedded) or postgres."),
        new("--connection", $"{ServerOptions.Section}:{nameof(ServerOptions.Connection)}", "The PostgreSQL connection string, for --database postgres."),
        new("--packages", $"{ServerOptions.Section}:{nameof(ServerOptions.Packages)}", "Where package archives are kept (default <data>/packages); shared by servers on one PostgreSQL database."),
        new("--public-url", $"{ServerOptions.Section}:{nameof(ServerOptions.PublicUrl)}", "The address agents reach this server at, for the addresses it hands out (default: each request's)."),

        // Kestrel's own settings: it loads the certificate and reloads it when the file changes.
        new("--certificate", $"{ServerCertificate.Section}:Path", "The HTTPS certificate for https:// addresses: PEM (with --certificate-key) or PFX; reloaded when the file changes."),
        new("--certificate-key", $"{ServerCertificate.Section}:KeyPath", "The PEM private key of --certificate."),
        new("--certificate-password", $"{ServerCertificate.Section}:Password", "The password of a PFX or encrypted PEM key (better: the environment variable Kestrel__Certificates__Default__Password)."),
    ];

    /// <summary>The options as <c>AddCommandLine</c>'s switch mappings.</summary>
    internal static Dictionary<string, string> Mappings() => All.ToDictionary(s => s.Name, s => s.Key, StringComparer.Ordinal);
}
