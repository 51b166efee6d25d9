using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Keys;

/// <summary><c>steward key list|rotate|retire</c>: the server's package-signing keys (decision 0015).</summary>
internal static class KeyCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("key", "The server's package-signing keys: which one is active, how many clients pin each, rotation and retirement.")
        {
            AdminCommands.Plain("list", "List the signing keys with their state and how many clients pin each.", (admin, cancellation) => KeyActions.ListAsync(admin, terminal, environment, cancellation)),
            AdminCommands.Plain(
                "rotate", "Make a new signing key, active from now on; clients adopt it, endorsed by the key they pin, at their next cycle.",
                (admin, cancellation) => KeyActions.RotateAsync(admin, terminal, environment, cancellation)),
            AdminCommands.WithArgument(
                "retire", "Retire an older key no client pins any more (the server does it by itself when the last client moves off it).",
                new Argument<string>("number") { Description = "The key's number, as 'steward key list' shows it." },
                (admin, number, cancellation) => KeyActions.RetireAsync(admin, number, terminal, environment, cancellation)),
        };
}
