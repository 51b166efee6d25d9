using System.CommandLine;
using Steward.Server.Hosting;

namespace Steward.Cli.Server;

/// <summary>
/// <c>steward server</c>: runs the site server. Its options are the server's own settings; anything else on
/// the line (<c>--Steward:HeartbeatFlushMilliseconds=500</c>, <c>--Logging:LogLevel:Default=Warning</c>) is
/// passed to the server's configuration, after appsettings.json and STEWARD__... variables.
/// </summary>
public static class ServerCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default {StewardServer.DefaultUrl})." };
        var data = new Option<string>("--data") { Description = "The data directory: SQLite database, packages, administrator token (default ./steward-data)." };
        var database = new Option<string>("--database") { Description = "sqlite (default, embedded) or postgres." };
        var connection = new Option<string>("--connection") { Description = "The PostgreSQL connection string, for --database postgres." };
        var packages = new Option<string>("--packages") { Description = "Where package archives are kept (default <data>/packages); shared by servers on one PostgreSQL database." };
        var publicUrl = new Option<string>("--public-url") { Description = "The address agents reach this server at, for the addresses it hands out (default: each request's)." };
        var certificate = new Option<string>("--certificate") { Description = "The HTTPS certificate for https:// addresses: PEM (with --certificate-key) or PFX; reloaded when the file changes." };
        var certificateKey = new Option<string>("--certificate-key") { Description = "The PEM private key of --certificate." };
        var certificatePassword = new Option<string>("--certificate-password") { Description = "The password of a PFX or encrypted PEM key (better: the environment variable Kestrel__Certificates__Default__Password)." };
        var command = new Command("server", "Run the site server: admin API, logon points, access points and packages, on SQLite or PostgreSQL.")
        {
            urls, data, database, connection, packages, publicUrl, certificate, certificateKey, certificatePassword,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, _) =>
        {
            var args = new List<string>();
            foreach (var option in new[] { urls, data, database, connection, packages, publicUrl, certificate, certificateKey, certificatePassword })
            {
                if (parsed.GetValue(option) is { } value)
                {
                    args.Add(option.Name);
                    args.Add(value);
                }
            }

            args.AddRange(parsed.UnmatchedTokens);
            return StewardServer.RunAsync([.. args]);
        });
        return command;
    }
}
