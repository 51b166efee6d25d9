using Steward.Policy.Boundaries;
using Steward.Policy.Versions;

namespace Steward.Policy.Sites;

/// <summary>
/// What a decision needs to know of a site: its code, its site version (the agent version its access
/// points serve) and its boundaries.
/// </summary>
/// <param name="Code">The site code.</param>
/// <param name="Version">The site version.</param>
/// <param name="Boundaries">The site's boundaries; empty means the site contains no computer.</param>
/// <param name="BoundariesKnown">
/// False when the boundaries could not be read (a storage or configuration fault). Such a site contains
/// no computer for the purpose of adding an assignment, but a maintenance cycle never drops a client
/// from it: missing data is never a reason to remove anything (Q242492, where losing contact with the
/// data made clients uninstall themselves).
/// </param>
public sealed record Site(SiteCode Code, AgentVersion Version, IReadOnlyList<Boundary> Boundaries, bool BoundariesKnown = true)
{
    /// <summary>The site's release line.</summary>
    public ReleaseLine Line => Version.Line;

    /// <summary>
    /// True when the site's line is not older than the line of <paramref name="clientVersion"/>: the
    /// site can manage that agent without a mixed install (SPEC section 2).
    /// </summary>
    public bool IsCompatibleWith(AgentVersion clientVersion) => Version.Line >= clientVersion.Line;

    /// <summary>
    /// True when any address that identifies a network lies inside one of the boundaries. Always false
    /// when the boundaries are unknown.
    /// </summary>
    public bool Contains(ReadOnlySpan<NetworkAddress> addresses)
    {
        if (!BoundariesKnown)
        {
            return false;
        }

        foreach (var address in addresses)
        {
            if (!IdentifyingAddresses.Identifies(address))
            {
                continue;
            }

            for (var i = 0; i < Boundaries.Count; i++)
            {
                if (Boundaries[i].Contains(address))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
