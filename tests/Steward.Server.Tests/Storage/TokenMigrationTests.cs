using Dapper;
using Steward.Server.Security;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Storage;

/// <summary>Migration 0004 on a database made before roles: its administrator token becomes an admin token that still works.</summary>
public abstract class TokenMigrationTests : MigrationTest
{
    [Fact]
    public async Task TheTokenOfAnOlderSchema_IsAnActiveAdminToken()
    {
        await MigrationRunner.ApplyAsync(Database, CancellationToken.None, through: 3);
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO admin_tokens (hash, name, created_at) VALUES (@hash, 'admin', 100)", new { hash = Secrets.Hash("stw_admin_old") });
        }

        Assert.Contains("0004_token_roles", await MigrationRunner.ApplyAsync(Database, CancellationToken.None));
        var token = await new SqlStore(Database).FindTokenAsync(Secrets.Hash("stw_admin_old"), CancellationToken.None);

        Assert.NotNull(token);
        Assert.Equal(("admin", "admin", 100L, null, null), (token.Name, token.Role, token.CreatedAt, token.ExpiresAt, token.RevokedAt));
        Assert.True(token.ActiveAt(long.MaxValue));
    }
}

public sealed class TokenMigrationOnSqlite : TokenMigrationTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class TokenMigrationOnPostgres : TokenMigrationTests
{
    protected override Engine Engine => Engine.Postgres;
}
