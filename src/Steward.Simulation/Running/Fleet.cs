using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Hierarchy;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// The state of every client of a simulation, named and generated, as parallel arrays indexed by
/// client (named clients first, in file order, then each generate block in order).
/// </summary>
/// <remarks>
/// <para>A million clients must fit comfortably, so a client is a handful of array slots rather than an
/// object: its packed version (8 bytes), a flags byte (agent installed, travelling), its sites as
/// <c>ceil(sites / 64)</c> words of 64 bits, and its addresses as an offset and a count into one flat
/// address pool. Generated clients' names are not stored: they are computed from their block.</para>
/// <para>Only the simulation changes a fleet; readers see it between steps. Each client's slots are its
/// own, which is what lets a bulk step decide for many clients at once.</para>
/// </remarks>
public sealed class Fleet
{
    private const byte HasAgentFlag = 1;
    private const byte TravelFlag = 2;
    private const byte FailsFlag = 4;
    private const byte OfflineFlag = 8;

    private readonly ClientNames _names;
    private readonly ulong[] _versions;
    private readonly byte[] _flags;
    private readonly ulong[] _siteWords;
    private readonly int[] _addressStart;
    private readonly int[] _addressCount;
    private NetworkAddress[] _addressPool;
    private int _poolUsed;

    internal Fleet(Scenario scenario, SiteTable sites)
    {
        _names = new ClientNames(scenario);
        var count = _names.Count;
        WordsPerClient = (sites.Count + 63) / 64;
        _versions = new ulong[count];
        _flags = new byte[count];
        _siteWords = new ulong[(long)count * WordsPerClient];
        _addressStart = new int[count];
        _addressCount = new int[count];
        long addresses = scenario.Clients.Sum(c => (long)c.Addresses.Count) + scenario.Generate.Sum(g => (long)g.Count);
        _addressPool = new NetworkAddress[checked((int)addresses)];

        for (var i = 0; i < scenario.Clients.Count; i++)
        {
            var client = scenario.Clients[i];
            Initialise(i, client.Installed, ScenarioHierarchy.SetOf(sites, client.Sites), client.Travel);
            SetAddresses(i, client.Addresses);
            if (client.FailsUpgrade)
            {
                _flags[i] |= FailsFlag;
            }
        }

        for (var b = 0; b < scenario.Generate.Count; b++)
        {
            var block = scenario.Generate[b];
            var start = _names.StartOf(b);
            var set = ScenarioHierarchy.SetOf(sites, block.Sites);
            var spread = new GeneratedAddresses(block);
            for (var k = 0; k < block.Count; k++)
            {
                Initialise(start + k, block.Installed, set, block.Travel);
                _addressStart[start + k] = _poolUsed;
                _addressCount[start + k] = 1;
                _addressPool[_poolUsed++] = spread.At(k);
            }

            MarkByRate(start, block.Count, block.FailRate, "fail/", FailsFlag);
            MarkByRate(start, block.Count, block.OfflineRate, "offline/", OfflineFlag);
        }

        AnyFails = Array.Exists(_flags, f => (f & FailsFlag) != 0);
    }

    /// <summary>Named plus generated clients.</summary>
    public int Count => _versions.Length;

    /// <summary>The named clients: indices 0 to <c>NamedCount - 1</c>, in file order.</summary>
    public int NamedCount => _names.NamedCount;

    /// <summary>The 64-bit words of site assignments each client has: <c>ceil(sites / 64)</c>.</summary>
    public int WordsPerClient { get; }

    /// <summary>The name of a client (computed for a generated client, so each call makes a string).</summary>
    public string NameOf(int client) => _names.NameOf(client);

    /// <summary>
    /// The index of the client with this name, or -1. Generated names are parsed, not looked up; case
    /// is ignored, an exact spelling winning where two names differ only in case.
    /// </summary>
    public int IndexOf(string name) => _names.IndexOf(name);

    /// <summary>The installed agent version, or null when the client has no agent.</summary>
    public AgentVersion? InstalledOf(int client) =>
        (_flags[client] & HasAgentFlag) != 0 ? AgentVersion.FromPacked(_versions[client]) : null;

    /// <summary>The sites the client is assigned to, as indices into the simulation's <see cref="SiteTable"/>.</summary>
    public SiteSet SitesOf(int client) => SiteSet.FromWords(_siteWords.AsSpan(client * WordsPerClient, WordsPerClient));

    /// <summary>True when the client is travelling.</summary>
    public bool IsTravelling(int client) => (_flags[client] & TravelFlag) != 0;

    /// <summary>True when every maintenance-cycle upgrade of the client fails (<c>failsUpgrade</c>, or <c>failRate</c> of its block).</summary>
    public bool FailsUpgrade(int client) => (_flags[client] & FailsFlag) != 0;

    /// <summary>True when the client has no cycles in <c>run</c> (<c>offlineRate</c> of its block).</summary>
    public bool IsOffline(int client) => (_flags[client] & OfflineFlag) != 0;

    /// <summary>True when any client fails its upgrades.</summary>
    public bool AnyFails { get; private set; }

    /// <summary>n of <c>h(a + b + name)</c> for a client (see <see cref="ClientNames.Hash"/>).</summary>
    internal ulong Hash(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int client) => _names.Hash(a, b, client);

    /// <summary>The client's network addresses (a view that a later <c>move</c> step does not change).</summary>
    public ReadOnlySpan<NetworkAddress> AddressesOf(int client) => _addressPool.AsSpan(_addressStart[client], _addressCount[client]);

    /// <summary>What a decision needs to know of the client.</summary>
    internal ClientFacts FactsOf(int client) =>
        new(InstalledOf(client), SitesOf(client), AddressesOf(client), IsTravelling(client));

    /// <summary>Carries a decision out: the client now runs <see cref="Decision.VersionAfter"/> and has <see cref="Decision.SitesAfter"/>.</summary>
    internal void Apply(int client, in Decision decision)
    {
        if (decision.VersionAfter is { } version)
        {
            _versions[client] = version.ToPacked();
            _flags[client] |= HasAgentFlag;
        }
        else
        {
            _versions[client] = 0;
            _flags[client] &= unchecked((byte)~HasAgentFlag);
        }

        decision.SitesAfter.CopyTo(_siteWords.AsSpan(client * WordsPerClient, WordsPerClient));
    }

    /// <summary>Gives the client new addresses (a <c>move</c> step); the old ones stay in the pool unused.</summary>
    internal void SetAddresses(int client, IReadOnlyList<NetworkAddress> addresses)
    {
        if (_poolUsed + addresses.Count > _addressPool.Length)
        {
            Array.Resize(ref _addressPool, Math.Max(_poolUsed + addresses.Count, _addressPool.Length + (_addressPool.Length / 4) + 16));
        }

        _addressStart[client] = _poolUsed;
        _addressCount[client] = addresses.Count;
        for (var i = 0; i < addresses.Count; i++)
        {
            _addressPool[_poolUsed++] = addresses[i];
        }
    }

    /// <summary>Sets the travel flag (a <c>travel</c> step).</summary>
    internal void SetTravel(int client, bool travelling)
    {
        _flags[client] = travelling ? (byte)(_flags[client] | TravelFlag) : (byte)(_flags[client] & ~TravelFlag);
    }

    // docs/RULES.md section 4: a generated client fails (or is offline) when h(prefix + name) < rate.
    private void MarkByRate(int start, int count, Rate? rate, string prefix, byte flag)
    {
        if (rate is not { } r || r.Numerator == 0)
        {
            return;
        }

        // Every client's flag is its own byte, so the clients can be hashed on every core.
        Parallel.For(0, count, k =>
        {
            if (r.IsAbove(_names.Hash(prefix, [], start + k)))
            {
                _flags[start + k] |= flag;
            }
        });
    }

    private void Initialise(int client, AgentVersion? installed, SiteSet sites, bool travelling)
    {
        _versions[client] = installed?.ToPacked() ?? 0;
        _flags[client] = (byte)((installed is null ? 0 : HasAgentFlag) | (travelling ? TravelFlag : 0));
        sites.CopyTo(_siteWords.AsSpan(client * WordsPerClient, WordsPerClient));
    }
}
