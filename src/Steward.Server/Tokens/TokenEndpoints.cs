using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Tokens;

/// <summary><c>/v1/tokens</c>: list, make and revoke named administrator tokens with roles (decision 0013).</summary>
internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Tokens, async (IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            return TypedResults.Ok((await store.ListTokensAsync(cancellationToken).ConfigureAwait(false)).Select(t => TokenViews.Of(t, now)).ToList());
        }).Produces<IReadOnlyList<TokenView>>().WithName("listTokens").RequiresRole(AdminRole.Viewer)
        .WithSummary("Every administrator token, revoked and expired ones too, by name; never the tokens themselves.");

        group.MapPost(Routes.Tokens, async (HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.TokenRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            if (TokenInput.Check(request!, errors) is not { } token)
            {
                return Problems.Invalid(errors);
            }

            var now = time.GetUtcNow();
            var secret = Secrets.New("stw_token_");
            var row = new TokenRow
            {
                Hash = Secrets.Hash(secret), Name = token.Name, Role = token.Role.Word(), CreatedAt = now.ToUnixTimeMilliseconds(),
                ExpiresAt = token.Life is { } life ? (now + life).ToUnixTimeMilliseconds() : null,
            };
            var view = TokenViews.Of(row, row.CreatedAt);
            var result = await store.CreateTokenAsync(row, Audits.Of(http, time, "token.create", row.Name, view, ProtocolJson.Default.TokenView), cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? TypedResults.Created(Routes.Token(row.Name), new TokenCreated(view, secret))
                : Problems.FromStore(result, $"token '{row.Name}'");
        }).Accepts<TokenRequest>("application/json").Produces<TokenCreated>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("createToken").RequiresRole(AdminRole.Admin)
        .WithSummary("Make a named token with a role; the answer holds the token, shown only this once (the server keeps its hash).");

        group.MapDelete(RouteTemplates.Token, async (string name, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!TokenInput.ValidName(name))
            {
                return Problems.NotFound($"there is no token '{name}'");
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var result = await store.RevokeTokenAsync(name, now, Audits.Of(http, time, "token.revoke", name, ""), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return result.Status == StoreStatus.NotFound ? Problems.NotFound($"there is no token '{name}'") : Problems.FromStore(result, $"token '{name}'");
            }

            var revoked = (await store.ListTokensAsync(cancellationToken).ConfigureAwait(false)).Single(t => t.Name == name);
            return TypedResults.Ok(TokenViews.Of(revoked, now));
        }).Produces<TokenView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("revokeToken").RequiresRole(AdminRole.Admin)
        .WithSummary("Revoke a token: it is refused from now on (401) and its name is not reused; refused for the last active admin token.");
    }
}
