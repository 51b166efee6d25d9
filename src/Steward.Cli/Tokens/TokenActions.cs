using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Tokens;

/// <summary>The token verbs: one request each, the answer printed for people or as the server's JSON.</summary>
internal static class TokenActions
{
    /// <summary><c>steward token create</c>: prints the token, which the server returns only this once.</summary>
    public static Task<int> CreateAsync(TokenCreateOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var request = new TokenRequest(options.Name, options.Role, options.Expires);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Post, Routes.Tokens, request, ProtocolJson.Default.TokenRequest, ProtocolJson.Default.TokenCreated, cancellationToken),
            created =>
            {
                var expires = created.Token.ExpiresAt is { } at ? $", expires {Formats.When(at)}" : ", does not expire";
                terminal.Out.WriteLine($"Made token {created.Token.Name} with the role {created.Token.Role}{expires}.");

                // The server keeps only a hash: this is the one time anyone can read the token.
                terminal.Out.WriteLine($"Token (shown only this once; use it as STEWARD_TOKEN or 'Authorization: Bearer <token>'): {created.Secret}");
            });
    }

    /// <summary><c>steward token list</c>.</summary>
    public static Task<int> ListAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(admin, terminal, environment, Routes.Tokens, ProtocolJson.Default.IReadOnlyListTokenView, "No tokens.", Table, cancellationToken);

    /// <summary><c>steward token revoke</c>.</summary>
    public static Task<int> RevokeAsync(TokenOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AdminVerbs.RemoveAsync(options.Admin, terminal, environment, Routes.Token(options.Name), $"Revoked token {options.Name}: it is refused from now on.", cancellationToken);
    }

    private static Table Table(IReadOnlyList<TokenView> tokens)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Name", "Role", "Created", "Expires", "Last used", "Revoked");
        foreach (var token in tokens)
        {
            table.AddRow(
                new Text(token.Name), new Text(token.Role), new Text(Formats.When(token.CreatedAt)),
                new Text(token.ExpiresAt is null ? "never" : Formats.When(token.ExpiresAt) + (token.Active || token.RevokedAt is not null ? "" : " (expired)")),
                new Text(Formats.When(token.LastUsedAt)), new Text(token.RevokedAt is null ? "no" : Formats.When(token.RevokedAt)));
        }

        return table;
    }
}
