using System.CommandLine;
using Steward.Server.Hosting;

namespace Steward.Cli.Server;

/// <summary>
/// <c>steward server</c>: runs the site server. Its options are the server's own (<see cref="ServerSwitches"/>);
/// anything else on the line (<c>--Steward:HeartbeatFlushMilliseconds=500</c>,
/// <c>--Logging:LogLevel:Default=Warning</c>) is passed to the server's configuration, after appsettings.json
/// and STEWARD__... variables.
/// </summary>
public static class ServerCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var options = ServerSwitches.All.Select(s => new Option<string>(s.Name) { Description = s.Description }).ToList();
        var command = new Command("server", "Run the site server: admin API, logon points, access points and packages, on SQLite or PostgreSQL.");
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, _) =>
        {
            var args = new List<string>();
            foreach (var option in options)
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
