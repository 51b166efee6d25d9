using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>The first administrator token and the package-signing key.</summary>
internal sealed partial class SqlStore
{
    public async Task<bool> AddFirstAdminTokenAsync(string hash, string name, long now, CancellationToken cancellationToken)
    {
        var added = false;
        await WriteAsync(
            async (c, t) =>
            {
                if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM admin_tokens", transaction: t).ConfigureAwait(false) == 0)
                {
                    await c.ExecuteAsync("INSERT INTO admin_tokens (hash, name, role, created_at) VALUES (@hash, @name, 'admin', @now)", new { hash, name, now }, t).ConfigureAwait(false);
                    added = true;
                }

                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<SigningKeyRow> EnsureSigningKeyAsync(SigningKeyRow candidate, CancellationToken cancellationToken)
    {
        SigningKeyRow? stored = null;
        await WriteAsync(
            async (c, t) =>
            {
                stored = await c.QueryFirstOrDefaultAsync<SigningKeyRow>("SELECT * FROM signing_keys ORDER BY created_at LIMIT 1", transaction: t).ConfigureAwait(false);
                if (stored is null)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO signing_keys (id, private_key, public_key, created_at) VALUES (@Id, @PrivateKey, @PublicKey, @CreatedAt)", candidate, t).ConfigureAwait(false);
                    stored = candidate;
                }

                return StoreResult.Ok;
            },
            cancellationToken).ConfigureAwait(false);
        return stored!;
    }
}
