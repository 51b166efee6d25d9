using System.Data.Common;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Engines;

/// <summary>What differs between the two databases: connections, write transactions, row locks, errors.</summary>
internal abstract class DatabaseEngine
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The column type of an auto-numbered primary key (SQLite's rowid alias must be spelled exactly so).</summary>
    public abstract string Identity { get; }

    /// <summary>
    /// Ends a <c>CREATE TABLE</c> whose rows are found only by their primary key: SQLite then keeps the rows
    /// in the key's own B-tree (<c>WITHOUT ROWID</c>), one tree to walk and write instead of two.
    /// </summary>
    public abstract string KeyOnlyTable { get; }

    /// <summary>Where the data is, for people (no password).</summary>
    public abstract string Describe { get; }

    /// <summary>
    /// Appended to a text expression to compare it by code point (<c>{binary}</c> in migrations): a prefix is then
    /// a range of an index, whatever the database's collation (SQLite compares so already; PostgreSQL's
    /// linguistic collations ignore punctuation at first, which would scatter the names a prefix starts).
    /// </summary>
    public abstract string Binary { get; }

    /// <summary>Appended to a SELECT that reads a row it will update (PostgreSQL locks it; SQLite's write transaction already excludes other writers).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>A query for the database's clock now, in whole Unix seconds: one clock for every server process sharing the database.</summary>
    public abstract string UnixSecondsNow { get; }

    /// <summary>
    /// <c>column</c> is one of the list in <c>parameter</c> (pass a string array): Dapper expands a list
    /// into <c>IN (...)</c> for SQLite, while PostgreSQL takes the array whole.
    /// </summary>
    public abstract string In(string column, string parameter);

    /// <summary>An open connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that will write (SQLite: BEGIN IMMEDIATE, so that two writers never deadlock on an upgrade from read to write).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read-only transaction whose reads all see the database as of its first one.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Adds each total to its client's row of <c>heartbeats</c> while its decision is still the client's last
    /// one, otherwise to the row of the decision it repeated. The one write each engine does its own way:
    /// it runs for every maintenance cycle that changes nothing.
    /// </summary>
    public abstract Task WriteHeartbeatsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<HeartbeatTotal> totals, CancellationToken cancellationToken);

    /// <summary>True for a unique or primary-key violation.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Makes sure only one process migrates at a time (inside the migration transaction).</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
