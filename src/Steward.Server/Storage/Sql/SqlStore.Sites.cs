using System.Data.Common;
using Dapper;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Sites.</summary>
internal sealed partial class SqlStore
{
    public Task<IReadOnlyList<SiteRow>> ListSitesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SiteRow>>(
            async c => [.. await c.QueryAsync<SiteRow>(new CommandDefinition("SELECT * FROM sites ORDER BY code", cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);

    public Task<SiteRow?> FindSiteAsync(string code, CancellationToken cancellationToken) =>
        ReadAsync(
            c => c.QuerySingleOrDefaultAsync<SiteRow>(new CommandDefinition("SELECT * FROM sites WHERE code = @code", new { code }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<SiteRow>> FindSitesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SiteRow>>([]);
        }

        return ReadAsync<IReadOnlyList<SiteRow>>(
            async c => [.. await c.QueryAsync<SiteRow>(
                new CommandDefinition($"SELECT * FROM sites WHERE {engine.In("code", "@codes")} ORDER BY code", new { codes = codes.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false)],
            cancellationToken);
    }

    public Task<StoreResult> CreateSiteAsync(SiteRow site, AuditRow audit, CancellationToken cancellationToken) =>
        WriteSitesAsync(
            async (c, t) =>
            {
                if (await MissingPackageAsync(c, t, site.Version).ConfigureAwait(false) is { } missing)
                {
                    return missing;
                }

                await c.ExecuteAsync(
                    "INSERT INTO sites (code, name, version, boundaries, revision, created_at, updated_at) VALUES (@Code, @Name, @Version, @Boundaries, 1, @CreatedAt, @UpdatedAt)",
                    site,
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    /// <summary>The audit action of <c>PUT /v1/sites/{code}/version</c>: the server's set-version.</summary>
    internal const string SetVersionAction = "site.version";

    public Task<StoreResult> UpdateSiteAsync(SiteRow site, long? expectedRevision, AuditRow audit, CancellationToken cancellationToken) =>
        WriteSitesAsync(
            async (c, t) =>
            {
                var current = await c.QuerySingleOrDefaultAsync<SiteRow>(
                    "SELECT * FROM sites WHERE code = @Code" + engine.ForUpdate, site, t).ConfigureAwait(false);
                if (current is null)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                if (AdminRules.SiteRevision(site.Code, current.Revision, expectedRevision) is { } changed)
                {
                    return StoreResult.Refused(changed);
                }

                if (await MissingPackageAsync(c, t, site.Version).ConfigureAwait(false) is { } missing)
                {
                    return missing;
                }

                var rollout = await c.QuerySingleOrDefaultAsync<RolloutRow>(
                    $"SELECT * FROM rollouts WHERE site = @Code AND state IN {ActiveStates}", site, t).ConfigureAwait(false);
                if (AdminRules.SiteVersionChange(current, site.Version, rollout) is { } inRollout)
                {
                    return StoreResult.Refused(inRollout);
                }

                await c.ExecuteAsync(
                    "UPDATE sites SET name = @Name, version = @Version, boundaries = @Boundaries, revision = revision + 1, updated_at = @UpdatedAt WHERE code = @Code",
                    site,
                    t).ConfigureAwait(false);

                // set-version (even to the same version), or a replacement that changes the version, ends the site's downgrade order.
                if (audit.Action == SetVersionAction || !string.Equals(current.Version, site.Version, StringComparison.Ordinal))
                {
                    await EndDowngradeOrdersAsync(c, t, site.Code, site.UpdatedAt / 1000, $"the site's version was set to {site.Version}").ConfigureAwait(false);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<StoreResult> DeleteSiteAsync(string code, AuditRow audit, CancellationToken cancellationToken) =>
        WriteSitesAsync(
            async (c, t) =>
            {
                var points = (await c.QueryAsync<string>("SELECT logon_point FROM logon_point_sites WHERE site = @code ORDER BY logon_point", new { code }, t).ConfigureAwait(false)).ToList();
                var clients = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM client_sites WHERE site = @code", new { code }, t).ConfigureAwait(false);
                if (AdminRules.SiteDeletion(code, points, clients) is { } inUse)
                {
                    return StoreResult.Refused(inUse);
                }

                var deleted = await c.ExecuteAsync("DELETE FROM sites WHERE code = @code", new { code }, t).ConfigureAwait(false);
                if (deleted == 0)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    // Any change of a site empties the cached sites; the next cycle reads them all again.
    private async Task<StoreResult> WriteSitesAsync(Func<DbConnection, DbTransaction, Task<StoreResult>> work, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(work, cancellationToken).ConfigureAwait(false);
        cache?.ForgetSites();
        return result;
    }

    private static async Task<StoreResult?> MissingPackageAsync(DbConnection connection, DbTransaction transaction, string version)
    {
        var published = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM packages WHERE version = @version", new { version }, transaction).ConfigureAwait(false);
        return AdminRules.SiteVersion(version, published > 0) is { } missing ? StoreResult.Refused(missing) : null;
    }
}
