using Npgsql;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// A fresh PostgreSQL database for one test, dropped afterwards. The server comes from
/// STEWARD_TEST_POSTGRES, or the one .ci/postgres starts (127.0.0.1:5432, role steward).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string Default = "Host=127.0.0.1;Port=5432;Username=steward;Password=steward;Database=postgres";
    private readonly string _admin;

    private PostgresDatabase(string admin, string name, string connection)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connection;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES") ?? Default;
        var name = "steward_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable ({e.Message}). Run .ci/postgres (as root) or set STEWARD_TEST_POSTGRES to a connection string of a role that may create databases.", e);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 40 };
        return new PostgresDatabase(admin, name, builder.ConnectionString);
    }

    // Dropping is clean-up, not the test: a database another session's connection still holds is tried
    // again, then left (its name says it is a test's), rather than failing a test that passed.
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_admin);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name}{(attempt == 0 ? " WITH (FORCE)" : "")}", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException)
            {
                await Task.Delay(200 * (attempt + 1));
            }
        }
    }
}
