using Steward.Policy.Versions;

namespace Steward.Policy.Placement;

/// <summary>What installing an operating-system package (a .deb) of the agent does to the versioned layout.</summary>
public enum PlacementAction
{
    /// <summary>The package's version becomes the current one (placed first when it is not on disk yet).</summary>
    MakeCurrent,

    /// <summary>The package's version is current already; nothing changes.</summary>
    AlreadyCurrent,

    /// <summary>A newer version is current (the agent updated itself); the package changes nothing.</summary>
    KeepNewer,
}

/// <summary>The action and why, in words.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Reason">Why, for the operator running dpkg.</param>
public sealed record PlacementDecision(PlacementAction Action, string Reason);

/// <summary>
/// The rule for an operating-system package of the agent: it never takes a computer down a version. The
/// server alone orders downgrades (signed, for exactly the running version); a <c>dpkg -i</c> of an older
/// .deb after the agent updated itself through the server must leave the newer agent running.
/// </summary>
public static class PackagePlacement
{
    /// <summary>Decides for a package of <paramref name="package"/> when <paramref name="current"/> (a complete version, or null) runs.</summary>
    public static PlacementDecision Decide(AgentVersion package, AgentVersion? current)
    {
        if (current is not { } running)
        {
            return new(PlacementAction.MakeCurrent, $"no agent is installed; the package's {package} becomes the installed agent");
        }

        if (running == package)
        {
            return new(PlacementAction.AlreadyCurrent, $"{package} is the installed agent already");
        }

        return running > package
            ? new(PlacementAction.KeepNewer, $"{running} is the installed agent, newer than the package's {package} (it updated itself through its server); it stays, since only the server may take an agent down a version")
            : new(PlacementAction.MakeCurrent, $"the package's {package} is newer than the installed {running}, which is kept as the previous version");
    }
}
