using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Tokens;

/// <summary><c>steward token create|list|revoke</c>: parses each into its options record.</summary>
internal static class TokenCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment) =>
        new("token", "Administrator tokens: named, each with a role (viewer, operator, admin); the audit log names the token of every change.")
        {
            CreateToken(terminal, environment),
            AdminCommands.Plain("list", "List the tokens: name, role, when made, when they expire, when last used, whether revoked.", (admin, cancellation) => TokenActions.ListAsync(admin, terminal, environment, cancellation)),
            AdminCommands.WithArgument(
                "revoke", "Revoke a token: it is refused from then on. The last active admin token cannot be revoked.", NameArgument(),
                (admin, name, cancellation) => TokenActions.RevokeAsync(new TokenOptions(admin, name), terminal, environment, cancellation)),
        };

    private static Argument<string> NameArgument() => new("name") { Description = "The token's name: 1 to 64 letters, digits, '.', '-', '_' or '@'." };

    private static Command CreateToken(Terminal terminal, CliEnvironment environment)
    {
        var name = NameArgument();
        var role = new Option<string>("--role")
        {
            Description = "viewer: reads only; operator: also site versions and client settings; admin: everything, tokens included.", Required = true, HelpName = "ROLE",
        };
        role.AcceptOnlyFromAmong("viewer", "operator", "admin");
        var expires = new Option<string?>("--expires") { Description = "How long the token lasts: a number and d, h or m (30d). Without it, until revoked.", HelpName = "DURATION" };
        var command = new Command("create", "Make a named token with a role; prints the token once (the server keeps only its hash).") { name, role, expires };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => TokenActions.CreateAsync(
            new TokenCreateOptions(admin.Read(parsed), parsed.GetValue(name)!, parsed.GetValue(role)!, parsed.GetValue(expires)), terminal, environment, cancellation));
        return command;
    }
}
