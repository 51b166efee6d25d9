using Steward.Server.Hosting;
using Steward.Server.Security;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Storage;

/// <summary>Chooses the database from the settings.</summary>
internal static class StoreFactory
{
    /// <summary>The store the settings name; the data directory is made private first (before SQLite creates a file in it).</summary>
    public static SqlStore Create(ServerOptions options, PrivateDirectories directories)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directories);
        directories.Secure();
        switch (options.Engine)
        {
            case DatabaseKind.Sqlite:
                // SQLite is this process's alone (SqliteEngine locks it), so its rows may be cached write-through.
                var sqlite = new SqliteEngine(Path.Combine(options.DataPath, SqliteEngine.FileName));
                return new SqlStore(sqlite, options.ClientCacheSize > 0 ? new RowCache(options.ClientCacheSize) : null) { WritesRolloutEvents = options.RolloutWebhookUrl is not null };
            default:
                // ServerOptionsValidation has made sure a PostgreSQL server has its connection string.
                return new SqlStore(new PostgresEngine(options.Connection!)) { WritesRolloutEvents = options.RolloutWebhookUrl is not null };
        }
    }
}
