using System.Data.Common;
using Dapper;
using Steward.Server.Rules;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>Logon points.</summary>
internal sealed partial class SqlStore
{
    public Task<IReadOnlyList<LogonPointRow>> ListLogonPointsAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => ReadLogonPointsAsync(c, null, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<LogonPointRow>> ReadLogonPointsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var points = (await connection.QueryAsync<LogonPointRow>(
            new CommandDefinition("SELECT * FROM logon_points ORDER BY name", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var sites = await connection.QueryAsync<(string LogonPoint, string Site)>(
            new CommandDefinition("SELECT logon_point, site FROM logon_point_sites ORDER BY logon_point, site", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var byPoint = sites.ToLookup(s => s.LogonPoint, s => s.Site, StringComparer.Ordinal);
        foreach (var point in points)
        {
            point.Sites = [.. byPoint[point.Name]];
        }

        return points;
    }

    public Task<LogonPointRow?> FindLogonPointAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(c => FindLogonPointAsync(c, null, name, cancellationToken), cancellationToken);

    private static async Task<LogonPointRow?> FindLogonPointAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        var point = await connection.QuerySingleOrDefaultAsync<LogonPointRow>(
            new CommandDefinition("SELECT * FROM logon_points WHERE name = @name", new { name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (point is not null)
        {
            point.Sites = [.. await connection.QueryAsync<string>(
                new CommandDefinition("SELECT site FROM logon_point_sites WHERE logon_point = @name ORDER BY site", new { name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)];
        }

        return point;
    }

    public Task<StoreResult> SaveLogonPointAsync(LogonPointRow logonPoint, bool create, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                var known = (await c.QueryAsync<string>($"SELECT code FROM sites WHERE {engine.In("code", "@sites")}", new { sites = logonPoint.Sites.ToArray() }, t).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
                var unknown = logonPoint.Sites.Where(s => !known.Contains(s)).ToList();
                if (AdminRules.LogonPointSites(unknown) is { } missing)
                {
                    return StoreResult.Refused(missing);
                }

                if (create)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO logon_points (name, senior, secret_hash, revision, created_at, updated_at) VALUES (@Name, @Senior, @SecretHash, 1, @CreatedAt, @UpdatedAt)",
                        logonPoint,
                        t).ConfigureAwait(false);
                }
                else
                {
                    var updated = await c.ExecuteAsync(
                        "UPDATE logon_points SET senior = @Senior, secret_hash = @SecretHash, revision = revision + 1, updated_at = @UpdatedAt WHERE name = @Name",
                        logonPoint,
                        t).ConfigureAwait(false);
                    if (updated == 0)
                    {
                        return new StoreResult(StoreStatus.NotFound);
                    }

                    await c.ExecuteAsync("DELETE FROM logon_point_sites WHERE logon_point = @Name", logonPoint, t).ConfigureAwait(false);
                }

                await c.ExecuteAsync(
                    "INSERT INTO logon_point_sites (logon_point, site) VALUES (@point, @site)",
                    logonPoint.Sites.Select(site => new { point = logonPoint.Name, site }),
                    t).ConfigureAwait(false);
                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);

    public Task<StoreResult> DeleteLogonPointAsync(string name, AuditRow audit, CancellationToken cancellationToken) =>
        WriteAsync(
            async (c, t) =>
            {
                await c.ExecuteAsync("DELETE FROM logon_point_sites WHERE logon_point = @name", new { name }, t).ConfigureAwait(false);
                if (await c.ExecuteAsync("DELETE FROM logon_points WHERE name = @name", new { name }, t).ConfigureAwait(false) == 0)
                {
                    return new StoreResult(StoreStatus.NotFound);
                }

                await InsertAuditAsync(c, t, audit).ConfigureAwait(false);
                return StoreResult.Ok;
            },
            cancellationToken);
}
