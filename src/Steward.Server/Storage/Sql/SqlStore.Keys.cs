using Dapper;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Signing keys: rotation, retirement, and how many clients pin each (decision 0015).</summary>
internal sealed partial class SqlStore
{
    public Task<IReadOnlyList<SigningKeyRow>> ListSigningKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SigningKeyRow>>(
            async c => [.. await c.QueryAsync<SigningKeyRow>(new CommandDefinition("SELECT * FROM signing_keys ORDER BY number", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<IReadOnlyDictionary<long, long>> CountPinnedKeysAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyDictionary<long, long>>(
            async c => (await c.QueryAsync<(long Key, long Clients)>(
                    new CommandDefinition("SELECT pinned_key, COUNT(*) FROM clients GROUP BY pinned_key", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => r.Key, r => r.Clients),
            cancellationToken);

    public Task<bool> AnyClientPinsAsync(long number, CancellationToken cancellationToken) =>
        ReadAsync(
            async c => await c.ExecuteScalarAsync<long?>(
                new CommandDefinition("SELECT 1 FROM clients WHERE pinned_key = @number LIMIT 1", new { number }, cancellationToken: cancellationToken)).ConfigureAwait(false) is not null,
            cancellationToken);

    public Task<StoreResult> AddSigningKeyAsync(SigningKeyRow key, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var next = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(number), 0) + 1 FROM signing_keys", transaction: t).ConfigureAwait(false);
                if (AdminRules.KeyRotation(key.Number, next) is { } meanwhile)
                {
                    return StoreResult.Refused(meanwhile);
                }

                await c.ExecuteAsync("UPDATE signing_keys SET state = @Endorsed WHERE state = @Active", new { SigningKeyStates.Endorsed, SigningKeyStates.Active }, t).ConfigureAwait(false);
                await c.ExecuteAsync(
                    "INSERT INTO signing_keys (id, private_key, public_key, created_at, number, state) VALUES (@Id, @PrivateKey, @PublicKey, @CreatedAt, @Number, @State)",
                    key,
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<StoreResult> RetireSigningKeyAsync(long number, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var state = await c.QuerySingleOrDefaultAsync<string>("SELECT state FROM signing_keys WHERE number = @number", new { number }, t).ConfigureAwait(false);
                if (state is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                // Clients are counted only for an endorsed key: the other refusals need no count.
                var pinning = state == SigningKeyStates.Endorsed
                    ? await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clients WHERE pinned_key = @number", new { number }, t).ConfigureAwait(false)
                    : 0;
                if (AdminRules.KeyRetirement(number, state, pinning) is { } refusal)
                {
                    return StoreResult.Refused(refusal);
                }

                await c.ExecuteAsync(
                    "UPDATE signing_keys SET state = @Retired, private_key = '', retired_at = @At WHERE number = @number",
                    new { SigningKeyStates.Retired, audit.At, number },
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);
}
