using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Rollouts;

/// <summary>
/// What the rollouts of a moment mean for decisions over one <see cref="SiteTable"/>: each site's
/// active rollout (at most one), each site's downgrade order, and how moments are told. Immutable;
/// a caller builds a new plan when a rollout changes state, not when it counts an attempt.
/// </summary>
/// <remarks>
/// A decision asks the plan what a site serves to one client (<see cref="Serving"/>), so the plan keeps
/// per-site arrays indexed like the table and site sets of the sites in each state: the questions are
/// bit tests and array reads.
/// </remarks>
public sealed class RolloutPlan
{
    private readonly Rollout[] _active;
    private readonly int[] _ordinalOfSite;
    private readonly AgentVersion[] _target;
    private readonly DowngradeOrder?[] _orders;

    /// <summary>A plan for <paramref name="sites"/>.</summary>
    /// <param name="sites">The table decisions are made with; its versions are the sites' versions (F while a rollout is active).</param>
    /// <param name="rollouts">Rollouts of the table's sites; only the active ones matter (at most one per site).</param>
    /// <param name="orders">Downgrade orders standing (at most one per site).</param>
    /// <param name="style">How reasons tell moments.</param>
    public RolloutPlan(SiteTable sites, IEnumerable<Rollout> rollouts, IEnumerable<DowngradeOrder> orders, TimeStyle style)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(rollouts);
        ArgumentNullException.ThrowIfNull(orders);
        Style = style;
        _ordinalOfSite = new int[sites.Count];
        Array.Fill(_ordinalOfSite, -1);
        _target = new AgentVersion[sites.Count];
        _orders = new DowngradeOrder?[sites.Count];
        var active = new List<(int Site, Rollout Rollout)>();
        foreach (var rollout in rollouts)
        {
            if (!rollout.IsActive)
            {
                continue;
            }

            var site = SiteIndex(sites, rollout.Site);
            if (_target[site] != default || active.Exists(a => a.Site == site))
            {
                throw new ArgumentException($"Site {rollout.Site} has two active rollouts.", nameof(rollouts));
            }

            active.Add((site, rollout));
        }

        active.Sort((a, b) => a.Site.CompareTo(b.Site));
        _active = [.. active.Select(a => a.Rollout)];
        for (var k = 0; k < active.Count; k++)
        {
            var site = active[k].Site;
            _ordinalOfSite[site] = k;
            _target[site] = active[k].Rollout.To;
            ActiveSites = ActiveSites.With(site);
            if (active[k].Rollout.State == RolloutState.Spreading)
            {
                SpreadingSites = SpreadingSites.With(site);
            }
        }

        foreach (var order in orders)
        {
            var site = SiteIndex(sites, order.Site);
            _orders[site] = order;
            OrderedSites = OrderedSites.With(site);
        }
    }

    /// <summary>How reasons tell moments.</summary>
    public TimeStyle Style { get; }

    /// <summary>The active rollouts in site order: seat k of <see cref="Serving"/> belongs to rollout k.</summary>
    public IReadOnlyList<Rollout> Active => _active;

    /// <summary>The sites with an active rollout.</summary>
    public SiteSet ActiveSites { get; }

    /// <summary>The sites whose rollout is spreading.</summary>
    public SiteSet SpreadingSites { get; }

    /// <summary>The sites with a downgrade order.</summary>
    public SiteSet OrderedSites { get; }

    /// <summary>The active rollout of a site, or null.</summary>
    public Rollout? RolloutOf(int site) => (uint)site < (uint)_ordinalOfSite.Length && _ordinalOfSite[site] >= 0 ? _active[_ordinalOfSite[site]] : null;

    /// <summary>The index in <see cref="Active"/> of a site's active rollout, or -1.</summary>
    public int OrdinalOf(int site) => _ordinalOfSite[site];

    /// <summary>The downgrade order of a site, or null.</summary>
    public DowngradeOrder? OrderOf(int site) => (uint)site < (uint)_orders.Length ? _orders[site] : null;

    /// <summary>T of a site's active rollout (default when it has none).</summary>
    internal AgentVersion TargetOf(int site) => _target[site];

    /// <summary>
    /// The sites among <paramref name="sites"/> on which an upgrade attempt to <paramref name="target"/>
    /// counts: those whose active rollout brings exactly that version.
    /// </summary>
    public SiteSet CountedOn(SiteSet sites, AgentVersion target)
    {
        var counted = SiteSet.Empty;
        foreach (var site in sites & ActiveSites)
        {
            if (_target[site] == target)
            {
                counted = counted.With(site);
            }
        }

        return counted;
    }

    private static int SiteIndex(SiteTable sites, SiteCode code)
    {
        var index = sites.IndexOf(code);
        return index >= 0 ? index : throw new ArgumentException($"Site {code} is not in the table.", nameof(sites));
    }
}
