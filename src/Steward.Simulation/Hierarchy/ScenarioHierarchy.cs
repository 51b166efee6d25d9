using Steward.Policy.Sites;
using Steward.Simulation.Model;

namespace Steward.Simulation.Hierarchy;

/// <summary>
/// A scenario's sites and logon points in the form Policy decides with: one <see cref="SiteTable"/>
/// (sites in code order) and the logon points as sets over it, in file order.
/// </summary>
public sealed class ScenarioHierarchy
{
    private readonly Dictionary<string, int> _logonPointIndex;

    private ScenarioHierarchy(SiteTable sites, IReadOnlyList<LogonPoint> logonPoints)
    {
        Sites = sites;
        LogonPoints = logonPoints;
        _logonPointIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < logonPoints.Count; i++)
        {
            _logonPointIndex[logonPoints[i].Name] = i;
        }
    }

    /// <summary>The sites, in code order.</summary>
    public SiteTable Sites { get; }

    /// <summary>The logon points, in file order.</summary>
    public IReadOnlyList<LogonPoint> LogonPoints { get; }

    /// <summary>Builds the hierarchy of a validated scenario (every name in it resolves).</summary>
    public static ScenarioHierarchy From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sites = new SiteTable(scenario.Sites.Select(s => new Site(s.Code, s.Version, s.Boundaries)));
        var points = scenario.LogonPoints
            .Select(p => new LogonPoint(p.Name, SetOf(sites, p.Sites), p.Senior is { } senior ? sites.IndexOf(senior) : -1))
            .ToList();
        return new ScenarioHierarchy(sites, points);
    }

    /// <summary>The set of the given site codes; every code must be in the table.</summary>
    public static SiteSet SetOf(SiteTable sites, IEnumerable<SiteCode> codes)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(codes);
        var set = SiteSet.Empty;
        foreach (var code in codes)
        {
            var index = sites.IndexOf(code);
            set = index >= 0 ? set.With(index) : throw new ArgumentException($"Site {code} is not in the table.", nameof(codes));
        }

        return set;
    }

    /// <summary>
    /// The index of a logon point by name, or -1: the exact spelling first, then any case (a logon point
    /// is a Windows share, whose names are case-insensitive).
    /// </summary>
    public int IndexOfLogonPoint(string name)
    {
        if (_logonPointIndex.TryGetValue(name, out var exact))
        {
            return exact;
        }

        for (var i = 0; i < LogonPoints.Count; i++)
        {
            if (string.Equals(LogonPoints[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
