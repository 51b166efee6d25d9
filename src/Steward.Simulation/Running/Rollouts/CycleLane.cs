using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;

namespace Steward.Simulation.Running.Rollouts;

/// <summary>
/// A copy of what maintenance cycles read of each client (version, flags, sites, addresses), laid out
/// in a run's cycle order. Cycles visit clients in hash order, which is random order in the fleet's
/// arrays: a cache miss per array per cycle. Read from this copy, a run reads memory in sequence, and
/// writes to the fleet only when a decision changes something.
/// </summary>
internal sealed class CycleLane
{
    private readonly Fleet _fleet;
    private readonly int[] _clients;
    private readonly ulong[] _versions;
    private readonly bool[] _hasAgent;
    private readonly bool[] _travel;
    private readonly ulong[] _siteWords;
    private readonly int[] _addressStart;
    private readonly int[] _addressCount;
    private readonly NetworkAddress[] _addresses;
    private readonly int _words;

    public CycleLane(Fleet fleet, CycleSchedule schedule)
    {
        _fleet = fleet;
        _words = fleet.WordsPerClient;
        var count = schedule.Count;
        _clients = new int[count];
        _versions = new ulong[count];
        _hasAgent = new bool[count];
        _travel = new bool[count];
        _siteWords = new ulong[(long)count * _words];
        _addressStart = new int[count];
        _addressCount = new int[count];
        var pool = new List<NetworkAddress>(count);
        for (var i = 0; i < count; i++)
        {
            var client = schedule.ClientAt(i);
            _clients[i] = client;
            var installed = fleet.InstalledOf(client);
            _hasAgent[i] = installed.HasValue;
            _versions[i] = installed?.ToPacked() ?? 0;
            _travel[i] = fleet.IsTravelling(client);
            fleet.SitesOf(client).CopyTo(_siteWords.AsSpan(i * _words, _words));
            _addressStart[i] = pool.Count;
            _addressCount[i] = fleet.AddressesOf(client).Length;
            foreach (var address in fleet.AddressesOf(client))
            {
                pool.Add(address);
            }
        }

        _addresses = [.. pool];
    }

    /// <summary>The client at a position.</summary>
    public int ClientAt(int position) => _clients[position];

    /// <summary>What a decision needs to know of the client at a position.</summary>
    public ClientFacts FactsAt(int position) => new(
        _hasAgent[position] ? Policy.Versions.AgentVersion.FromPacked(_versions[position]) : null,
        SiteSet.FromWords(_siteWords.AsSpan(position * _words, _words)),
        _addresses.AsSpan(_addressStart[position], _addressCount[position]),
        _travel[position]);

    /// <summary>Carries a decision out in the copy and, when it changed anything, in the fleet.</summary>
    public void Apply(int position, in ClientFacts before, in Decision decision)
    {
        if (decision.VersionAfter == before.Installed && decision.SitesAfter == before.Sites)
        {
            return;
        }

        _hasAgent[position] = decision.VersionAfter.HasValue;
        _versions[position] = decision.VersionAfter?.ToPacked() ?? 0;
        decision.SitesAfter.CopyTo(_siteWords.AsSpan(position * _words, _words));
        _fleet.Apply(_clients[position], decision);
    }
}
