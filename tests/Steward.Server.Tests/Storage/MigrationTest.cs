using Steward.Server.Storage.Engines;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Storage;

/// <summary>A test of migrations on an empty database of its own: a SQLite file or a fresh PostgreSQL database.</summary>
public abstract class MigrationTest : IAsyncLifetime
{
    private string? _directory;
    private PostgresDatabase? _postgres;
    private DatabaseEngine? _database;

    protected abstract Engine Engine { get; }

    /// <summary>The database, with no schema until the test applies migrations.</summary>
    private protected DatabaseEngine Database => _database ?? throw new InvalidOperationException("the database is not made yet");

    public async Task InitializeAsync()
    {
        if (Engine == Engine.Sqlite)
        {
            _directory = Directory.CreateTempSubdirectory("steward-migration-").FullName;
            _database = new SqliteEngine(Path.Combine(_directory, "steward.db"));
        }
        else
        {
            _postgres = await PostgresDatabase.CreateAsync();
            _database = new PostgresEngine(_postgres.ConnectionString);
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
