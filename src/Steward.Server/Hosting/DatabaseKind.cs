namespace Steward.Server.Hosting;

/// <summary>The database a server keeps its rows in (setting <c>Steward:Database</c>, option <c>--database</c>).</summary>
public enum DatabaseKind
{
    /// <summary>Embedded SQLite in the data directory: one server (the default).</summary>
    Sqlite,

    /// <summary>PostgreSQL at <c>Steward:Connection</c>: one or more servers.</summary>
    Postgres,
}

/// <summary>The words of the <c>Steward:Database</c> setting.</summary>
internal static class DatabaseKinds
{
    /// <summary>The engine a setting names, in any case (<c>postgresql</c> too); null for anything else, numbers included.</summary>
    public static DatabaseKind? Parse(string? setting) => setting?.ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseKind.Sqlite,
        "POSTGRES" or "POSTGRESQL" => DatabaseKind.Postgres,
        _ => null,
    };
}
