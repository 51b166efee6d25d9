using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Steward.Policy.Versions;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Storage;

/// <summary>
/// The store turns a client row's columns into typed values once, and back into the very text, numbers and
/// flags the schema always held (decision 0016): a database written before opens unchanged, and one written now
/// reads the same with an older server.
/// </summary>
public abstract class TypedRowTests : ApiTest
{
    [Fact]
    public async Task ClientRow_ListsFlagsAndVersions_StoredAsTheyAlwaysWere_ReadBackTyped()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("A01", "2.00.1493.2000", "10.1.0.0/16");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var store = App.Services.GetRequiredService<SqlStore>();
        var row = new ClientRow
        {
            Id = "typed-1", Name = "PC-1", SecretHash = "x", Installed = AgentVersion.Parse("2.00.1493.2000"), Sites = new ValueList(["A01", "B01"]),
            Addresses = new ValueList(["10.1.0.7", "10.2.0.7"]), Travel = true, UpgradeVersion = AgentVersion.Parse("2.0.1493.2001"), UpgradeSucceeded = false,
            UpgradeMessage = "health check failed", UpgradeAt = 5, EnrolledAt = 1,
        };

        var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(null, row, IsNew: true, 0), CancellationToken.None);
        var read = await store.FindClientAsync("typed-1", CancellationToken.None);
        await using var connection = await store.Engine.OpenAsync(CancellationToken.None);
        var columns = await connection.QuerySingleAsync<(string? Installed, string Sites, string Addresses, long Travel, string? UpgradeVersion, long? UpgradeSucceeded)>(
            "SELECT installed, sites, addresses, travel, upgrade_version, upgrade_succeeded FROM clients WHERE id = 'typed-1'");
        var assigned = await connection.QueryAsync<string>("SELECT site FROM client_sites WHERE client = 'typed-1' ORDER BY site");

        Assert.True(result.Succeeded);
        Assert.Equal(("2.00.1493.2000", "A01,B01", "10.1.0.7,10.2.0.7", 1L, "2.00.1493.2001", (long?)0), columns);
        Assert.Equal(["A01", "B01"], assigned);
        Assert.Equal(row with { Revision = 1, LastSeen = 1 }, read);
    }
}

public sealed class TypedRowsOnSqlite : TypedRowTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class TypedRowsOnPostgres : TypedRowTests
{
    protected override Engine Engine => Engine.Postgres;
}
