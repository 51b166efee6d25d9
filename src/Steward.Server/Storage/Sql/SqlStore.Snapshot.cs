using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>The fleet as of one moment, for the scenario export.</summary>
internal sealed partial class SqlStore
{
    public async Task<IFleetSnapshot> OpenFleetSnapshotAsync(CancellationToken cancellationToken)
    {
        var connection = await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? transaction = null;
        try
        {
            transaction = await engine.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            var sites = (await connection.QueryAsync<SiteRow>(
                new CommandDefinition("SELECT * FROM sites ORDER BY code", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            var points = await ReadLogonPointsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            return new Snapshot(connection, transaction, sites, points);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Snapshot(DbConnection connection, DbTransaction transaction, IReadOnlyList<SiteRow> sites, IReadOnlyList<LogonPointRow> points) : IFleetSnapshot
    {
        public IReadOnlyList<SiteRow> Sites => sites;

        public IReadOnlyList<LogonPointRow> LogonPoints => points;

        // lower() folds ASCII letters on both engines, as computer names are written; the export marks
        // any name it could not prove unique (decision 0021).
        public async IAsyncEnumerable<ClientRow> ClientsByName([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var rows = connection.QueryUnbufferedAsync<ClientRow>(
                "SELECT id, name, installed, sites, addresses, travel FROM clients ORDER BY lower(name), id", transaction: transaction);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
