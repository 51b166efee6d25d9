using Dapper;
using Steward.Server.Storage.Engines;

namespace Steward.Server.Storage.Migrations;

/// <summary>
/// Applies the schema as numbered SQL files (<c>Migrations/NNNN_name.sql</c>, embedded; one file for both
/// engines, with <see cref="DatabaseEngine.Identity"/> in place of <c>{identity}</c> and
/// <see cref="DatabaseEngine.KeyOnlyTable"/> in place of <c>{without_rowid}</c>, <see cref="DatabaseEngine.Binary"/> of <c>{binary}</c>),
/// each in its own transaction with its row in <c>schema_migrations</c>, under a lock so that two server
/// processes starting together migrate once.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>The migrations applied by this call, by name; <paramref name="through"/> stops after that number (an upgrade test's old schema).</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DatabaseEngine engine, CancellationToken cancellationToken, int through = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var applied = new List<string>();
        foreach (var (number, name, sql) in Scripts(engine).Where(s => s.Number <= through))
        {
            await using var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await engine.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await engine.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
                transaction: transaction).ConfigureAwait(false);
            var done = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE number = @number", new { number = (long)number }, transaction).ConfigureAwait(false);
            if (done > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@number, @name, @at)",
                new { number = (long)number, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(name);
        }

        return applied;
    }

    private static IEnumerable<(int Number, string Name, string Sql)> Scripts(DatabaseEngine engine)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var number = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd()
                .Replace("{identity}", engine.Identity, StringComparison.Ordinal)
                .Replace("{without_rowid}", engine.KeyOnlyTable, StringComparison.Ordinal)
                .Replace("{binary}", engine.Binary, StringComparison.Ordinal);
            yield return (number, name, sql);
        }
    }
}
