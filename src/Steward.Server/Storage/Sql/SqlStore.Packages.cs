using Dapper;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Packages.</summary>
internal sealed partial class SqlStore
{
    public Task<IReadOnlyList<PackageRow>> ListPackagesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<PackageRow>>(
            async c => [.. await c.QueryAsync<PackageRow>(new CommandDefinition("SELECT * FROM packages ORDER BY published_at, version", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<PackageRow?> FindPackageAsync(string version, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<PackageRow>(new CommandDefinition("SELECT * FROM packages WHERE version = @version", new { version }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<PackageRow?> FindPackageByHashAsync(string sha256, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<PackageRow>(new CommandDefinition("SELECT * FROM packages WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<StoreResult> CreatePackageAsync(PackageRow package, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var same = await c.QuerySingleOrDefaultAsync<string>("SELECT version FROM packages WHERE sha256 = @Sha256", package, t).ConfigureAwait(false);
                if (AdminRules.Publication(same) is { } published)
                {
                    return StoreResult.Refused(published);
                }

                await c.ExecuteAsync(
                    """
                    INSERT INTO packages (version, sha256, size, entry_point, files, manifest, signature, signed_by, published_at, published_by)
                    VALUES (@Version, @Sha256, @Size, @EntryPoint, @Files, @Manifest, @Signature, @SignedBy, @PublishedAt, @PublishedBy)
                    """,
                    package,
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<StoreResult> DeletePackageAsync(string version, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var sites = (await c.QueryAsync<string>("SELECT code FROM sites WHERE version = @version ORDER BY code", new { version }, t).ConfigureAwait(false)).ToList();
                if (AdminRules.PackageDeletion(version, sites) is { } served)
                {
                    return StoreResult.Refused(served);
                }

                var rollout = await c.QueryFirstOrDefaultAsync<string>(
                    $"SELECT id FROM rollouts WHERE state IN {ActiveStates} AND (from_version = @version OR to_version = @version) ORDER BY id", new { version }, t).ConfigureAwait(false);
                if (AdminRules.PackageInActiveRollout(version, rollout) is { } inRollout)
                {
                    return StoreResult.Refused(inRollout);
                }

                if (await c.ExecuteAsync("DELETE FROM packages WHERE version = @version", new { version }, t).ConfigureAwait(false) == 0)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);
}
