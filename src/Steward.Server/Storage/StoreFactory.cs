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
        DatabaseEngine engine = options.Database.ToUpperInvariant() switch
        {
            "SQLITE" => new SqliteEngine(Path.Combine(options.DataPath, "steward.db")),
            "POSTGRES" or "POSTGRESQL" => new PostgresEngine(
                options.Connection ?? throw new InvalidConfigurationException("--database postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\" (or STEWARD__CONNECTION).")),
            _ => throw new InvalidConfigurationException($"--database '{options.Database}' is not known; use sqlite or postgres."),
        };
        return new SqlStore(engine);
    }
}
