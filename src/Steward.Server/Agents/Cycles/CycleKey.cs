using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Server.Rollouts;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Everything a maintenance cycle's decision and answer are made from, as one value: two cycles with equal
/// keys get the same answer (decision 0010, 0016). A new input of the decision is a new member here, and
/// nothing else changes: the synthesized equality compares it. Rollouts add theirs (<see cref="Gates"/>): the
/// revision of each active rollout of the client's sites and whether the client's gate is open now, so that no
/// answer is replayed across a halt, a resume, the pilot's end or the client's turn arriving.
/// </summary>
/// <remarks>
/// Not members, on purpose: the request's nonce (only a package offer is signed with it, and an answer with
/// an offer is never kept; a nonce is checked before a key is made), and the version's spelling (the answer
/// says the parsed version). A report and a change of travel mode are never answered as kept.
/// </remarks>
/// <param name="ClientId">The client.</param>
/// <param name="ClientRevision">Its row's revision: every write of the row raises it (travel mode, version, sites, addresses, pinned key, last decision).</param>
/// <param name="Travel">Its travel mode.</param>
/// <param name="Via">The access point's site.</param>
/// <param name="Sites">The code and revision of each site of the client's table, in order.</param>
/// <param name="Addresses">The addresses the agent sent, in order.</param>
/// <param name="Installed">The version the agent said it runs (null: the record's, which the revision covers).</param>
/// <param name="PinnedKey">The fingerprint of the key the agent said it pins.</param>
/// <param name="ActiveKey">The server's active signing key (a newer one is endorsed to the agent).</param>
/// <param name="Origin">The server's address, for the answer's links.</param>
/// <param name="Gates">The active rollouts of the client's sites: id, revision, and whether its gate is open.</param>
internal readonly record struct CycleKey(
    string ClientId,
    long ClientRevision,
    bool Travel,
    SiteCode Via,
    SiteRevisions Sites,
    AddressList Addresses,
    AgentVersion? Installed,
    string? PinnedKey,
    long ActiveKey,
    string Origin,
    RolloutGates Gates)
{
    /// <summary>The key of a cycle of <paramref name="client"/> with the sites read for it and the checked request.</summary>
    public static CycleKey Of(ClientRow client, IReadOnlyList<SiteRow> sites, CycleInput input, long activeKey, RolloutGates gates)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        return new CycleKey(
            client.Id, client.Revision, client.Travel, input.Via, new SiteRevisions(sites), new AddressList(input.Addresses), input.Installed, input.PinnedKey, activeKey,
            input.Origin, gates);
    }
}

/// <summary>Site rows compared by code and revision, in order (a row of a given revision never changes).</summary>
internal readonly struct SiteRevisions(IReadOnlyList<SiteRow> rows) : IEquatable<SiteRevisions>
{
    private readonly IReadOnlyList<SiteRow> _rows = rows ?? [];

    public bool Equals(SiteRevisions other)
    {
        var (mine, theirs) = (_rows ?? [], other._rows ?? []);
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (var i = 0; i < mine.Count; i++)
        {
            if (mine[i].Revision != theirs[i].Revision || !string.Equals(mine[i].Code, theirs[i].Code, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SiteRevisions other && Equals(other);

    public override int GetHashCode() => (_rows ?? []).Count;

    public static bool operator ==(SiteRevisions left, SiteRevisions right) => left.Equals(right);

    public static bool operator !=(SiteRevisions left, SiteRevisions right) => !left.Equals(right);
}

/// <summary>Addresses compared one by one, in order.</summary>
internal readonly struct AddressList(NetworkAddress[] addresses) : IEquatable<AddressList>
{
    private readonly NetworkAddress[] _addresses = addresses ?? [];

    public bool Equals(AddressList other) => (_addresses ?? []).AsSpan().SequenceEqual(other._addresses ?? []);

    public override bool Equals(object? obj) => obj is AddressList other && Equals(other);

    public override int GetHashCode() => (_addresses ?? []).Length;

    public static bool operator ==(AddressList left, AddressList right) => left.Equals(right);

    public static bool operator !=(AddressList left, AddressList right) => !left.Equals(right);
}
