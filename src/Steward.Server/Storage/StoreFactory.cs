using Steward.Server.Hosting;
using Steward.Server.Storage.Engines;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Storage;

/// <summary>Chooses the database from the settings.</summary>
internal static class StoreFactory
{
    public static SqlStore Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Database.ToUpperInvariant())
        {
            case "SQLITE":
                // SQLite is this process's alone (SqliteEngine locks it), so its rows may be cached write-through.
                Directory.CreateDirectory(options.DataPath);
                var sqlite = new SqliteEngine(Path.Combine(options.DataPath, "steward.db"));
                return new SqlStore(sqlite, options.ClientCacheSize > 0 ? new RowCache(options.ClientCacheSize) : null);
            case "POSTGRES" or "POSTGRESQL":
                return new SqlStore(new PostgresEngine(
                    options.Connection ?? throw new InvalidConfigurationException("--database postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\" (or STEWARD__CONNECTION).")));
            default:
                throw new InvalidConfigurationException($"--database '{options.Database}' is not known; use sqlite or postgres.");
        }
    }
}
