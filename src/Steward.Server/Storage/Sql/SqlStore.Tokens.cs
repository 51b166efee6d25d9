using Dapper;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Named administrator tokens with roles (decision 0013).</summary>
internal sealed partial class SqlStore
{
    public Task<TokenRow?> FindTokenAsync(string hash, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition("SELECT * FROM admin_tokens WHERE hash = @hash", new { hash }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<TokenRow>> ListTokensAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<TokenRow>>(
            async c => [.. await c.QueryAsync<TokenRow>(new CommandDefinition("SELECT * FROM admin_tokens ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<StoreResult> CreateTokenAsync(TokenRow token, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var taken = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM admin_tokens WHERE name = @Name", token, t).ConfigureAwait(false) > 0;
                if (AdminRules.TokenName(token.Name, taken) is { } refusal)
                {
                    return new StoreResult(StoreStatus.AlreadyExists, refusal);
                }

                await c.ExecuteAsync(
                    "INSERT INTO admin_tokens (hash, name, role, created_at, expires_at) VALUES (@Hash, @Name, @Role, @CreatedAt, @ExpiresAt)", token, t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<StoreResult> RevokeTokenAsync(string name, long now, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                // Every admin token's row is locked first (PostgreSQL; SQLite's write transaction excludes other
                // writers already), so that two administrators revoking each other at once cannot both succeed
                // and leave no active admin token.
                var admins = (await c.QueryAsync<TokenRow>("SELECT * FROM admin_tokens WHERE role = 'admin'" + engine.ForUpdate, transaction: t).ConfigureAwait(false)).ToList();
                var token = await c.QuerySingleOrDefaultAsync<TokenRow>("SELECT * FROM admin_tokens WHERE name = @name", new { name }, t).ConfigureAwait(false);
                if (token is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                if (AdminRules.TokenRevocation(token, admins, now) is { } refusal)
                {
                    return StoreResult.Refused(refusal);
                }

                await c.ExecuteAsync("UPDATE admin_tokens SET revoked_at = @now WHERE name = @name", new { name, now }, t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public async Task TouchTokenAsync(string hash, long now, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_tokens SET last_used_at = @now WHERE hash = @hash", new { hash, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
