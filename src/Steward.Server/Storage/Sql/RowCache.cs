using System.Collections.Concurrent;
using System.Collections.Frozen;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>
/// Client and site rows kept in memory, write-through, for an engine that only this process writes to
/// (SQLite, which the server locks for itself). Never the source of truth: every entry is a committed row,
/// replaced only by a later revision, dropped when a write finds it stale; the cache can be emptied at any
/// moment without losing anything. PostgreSQL, shared by several processes, gets no cache.
/// </summary>
internal sealed class RowCache(int maxClients)
{
    private readonly ConcurrentDictionary<string, ClientRow> _clients = new(StringComparer.Ordinal);
    private volatile FrozenDictionary<string, SiteRow>? _sites;

    public bool TryGetClient(string id, out ClientRow row) => _clients.TryGetValue(id, out row!);

    /// <summary>Keeps a committed row unless a later revision of it is kept already.</summary>
    public void PutClient(ClientRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_clients.Count >= maxClients && !_clients.ContainsKey(row.Id))
        {
            return;
        }

        _clients.AddOrUpdate(row.Id, row, (_, current) => current.Revision >= row.Revision ? current : row);
    }

    /// <summary>A client's committed health, which lives outside its row's revision (migration 0012), in its kept row.</summary>
    public void PutHealth(string id, string health)
    {
        while (_clients.TryGetValue(id, out var current) && !_clients.TryUpdate(id, current with { Health = health }, current))
        {
            // Another write replaced the row meanwhile: put the health into that one.
        }
    }

    public void ForgetClient(string id) => _clients.TryRemove(id, out _);

    /// <summary>Every site by code, or null when they must be read again.</summary>
    public FrozenDictionary<string, SiteRow>? Sites => _sites;

    public void PutSites(IEnumerable<SiteRow> sites) => _sites = sites.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);

    public void ForgetSites() => _sites = null;

    // The active rollouts and standing downgrade orders, which every cycle reads (LiveRollouts) and only a write
    // transaction changes: SqlStore.WriteAsync forgets them after each one. A read takes the generation before it
    // reads the database and keeps what it read only if no write ended meanwhile, so a read that began before a
    // commit never keeps what that commit replaced.
    private readonly Lock _rolloutsLock = new();
    private long _rolloutsGeneration;
    private volatile LiveRolloutRows? _rollouts;

    /// <summary>What the last read kept, or null when the rollouts must be read again.</summary>
    public LiveRolloutRows? Rollouts => _rollouts;

    /// <summary>Taken before a read of the rollouts, handed back to <see cref="PutRollouts"/>.</summary>
    public long RolloutsGeneration => Interlocked.Read(ref _rolloutsGeneration);

    public void PutRollouts(LiveRolloutRows rollouts, long generation)
    {
        lock (_rolloutsLock)
        {
            if (generation == _rolloutsGeneration)
            {
                _rollouts = rollouts;
            }
        }
    }

    public void ForgetRollouts()
    {
        lock (_rolloutsLock)
        {
            _rolloutsGeneration++;
            _rollouts = null;
        }
    }
}
