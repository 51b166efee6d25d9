using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Decisions;

/// <summary>
/// The versions the sites serve to one client at one moment (docs/RULES.md section 4): a site with an active
/// rollout serves T to a client that already runs T, and to a client whose gate is open while the
/// rollout is in pilot or spreading; to a computer without an agent, T exactly while it spreads;
/// every other site, and every other client, gets the site's version.
/// </summary>
/// <remarks>
/// Which sites serve T depends on the client's version, and a decision asks again after the version
/// changed in that step, so the set is a parameter (<see cref="ServingT"/>) rather than state. Without
/// rollouts the set is always empty and every question goes straight to the table.
/// </remarks>
internal readonly struct ServedSites
{
    private readonly RolloutPlan? _plan;

    public ServedSites(SiteTable table, in Serving serving)
        : this(table, serving.Plan, serving.Open)
    {
    }

    /// <summary>The view a reason was decided with, from what it recorded.</summary>
    public ServedSites(SiteTable table, RolloutPlan? plan, SiteSet open)
    {
        Table = table;
        _plan = plan;
        Open = open;
    }

    public SiteTable Table { get; }

    public RolloutPlan? Plan => _plan;

    /// <summary>Sites whose active rollout's gate is open for the client.</summary>
    public SiteSet Open { get; }

    /// <summary>The sites that serve their rollout's T to a client running <paramref name="version"/> (null: no agent).</summary>
    public SiteSet ServingT(AgentVersion? version)
    {
        if (_plan is null)
        {
            return default;
        }

        if (version is not { } v)
        {
            return _plan.SpreadingSites;
        }

        var serving = Open;
        foreach (var site in _plan.ActiveSites - Open)
        {
            if (_plan.TargetOf(site) == v)
            {
                serving = serving.With(site);
            }
        }

        return serving;
    }

    /// <summary>The sites of <paramref name="set"/> that have an active rollout.</summary>
    public SiteSet WithRollout(SiteSet set) => _plan is null ? default : set & _plan.ActiveSites;

    public AgentVersion VersionOf(int site, SiteSet servingT) =>
        servingT.Contains(site) ? _plan!.TargetOf(site) : Table[site].Version;

    /// <summary>The site serving the newest version in a set (lowest code among equals); -1 for an empty set.</summary>
    public int Newest(SiteSet set, SiteSet servingT)
    {
        if (servingT.IsEmpty)
        {
            return Table.Newest(set);
        }

        var best = -1;
        var bestVersion = default(AgentVersion);
        foreach (var i in set)
        {
            var version = VersionOf(i, servingT);
            if (best < 0 || version > bestVersion)
            {
                (best, bestVersion) = (i, version);
            }
        }

        return best;
    }

    /// <summary>The site of a set of sites with an active rollout whose T is newest (lowest code among equals); -1 for an empty set.</summary>
    public int NewestTarget(SiteSet withRollout)
    {
        var best = -1;
        var bestVersion = default(AgentVersion);
        foreach (var i in withRollout)
        {
            var version = _plan!.TargetOf(i);
            if (best < 0 || version > bestVersion)
            {
                (best, bestVersion) = (i, version);
            }
        }

        return best;
    }

    /// <summary>The sites of a set whose served line is not older than the client's.</summary>
    public SiteSet CompatibleWith(SiteSet set, AgentVersion clientVersion, SiteSet servingT)
    {
        if (servingT.IsEmpty)
        {
            return Table.CompatibleWith(set, clientVersion);
        }

        var compatible = SiteSet.Empty;
        foreach (var i in set)
        {
            if (VersionOf(i, servingT).Line >= clientVersion.Line)
            {
                compatible = compatible.With(i);
            }
        }

        return compatible;
    }

    /// <summary>The logon point's senior site by the versions served: the named one, else the newest.</summary>
    public int Senior(in LogonPoint point, SiteSet servingT) =>
        point.NamedSenior >= 0 && point.Participating.Contains(point.NamedSenior) ? point.NamedSenior : Newest(point.Participating, servingT);
}
