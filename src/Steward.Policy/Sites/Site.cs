using Steward.Policy.Boundaries;
using Steward.Policy.Versions;

namespace Steward.Policy.Sites;

/// <summary>
/// What a decision needs to know of a site: its code, its site version (the agent version its access
/// points serve) and its boundaries.
/// </summary>
/// <remarks>
/// Immutable. The boundaries are also kept as plain first/last pairs per address family, so that the
/// membership test on the hot path of every decision is a few integer comparisons over an array.
/// </remarks>
public sealed class Site
{
    private readonly Boundary[] _boundaries;
    private readonly uint[] _ipv4Ranges;
    private readonly UInt128[] _ipv6Ranges;

    /// <summary>A site.</summary>
    /// <param name="code">The site code.</param>
    /// <param name="version">The site version.</param>
    /// <param name="boundaries">The site's boundaries; empty means the site contains no computer.</param>
    /// <param name="boundariesKnown">
    /// False when the boundaries could not be read (a storage or configuration fault). Such a site
    /// contains no computer for the purpose of adding an assignment, but a maintenance cycle never drops
    /// a client from it: missing data is never a reason to remove anything (Q242492, where losing
    /// contact with the data made clients uninstall themselves).
    /// </param>
    public Site(SiteCode code, AgentVersion version, IEnumerable<Boundary> boundaries, bool boundariesKnown = true)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        Code = code;
        Version = version;
        BoundariesKnown = boundariesKnown;
        _boundaries = [.. boundaries];
        var v4 = new List<uint>();
        var v6 = new List<UInt128>();
        foreach (var b in _boundaries)
        {
            if (b.IsIPv6)
            {
                v6.Add(b.First.Value);
                v6.Add(b.Last.Value);
            }
            else
            {
                v4.Add((uint)b.First.Value);
                v4.Add((uint)b.Last.Value);
            }
        }

        _ipv4Ranges = [.. v4];
        _ipv6Ranges = [.. v6];
    }

    private Site(Site site, AgentVersion version)
    {
        Code = site.Code;
        Version = version;
        BoundariesKnown = site.BoundariesKnown;
        _boundaries = site._boundaries;
        _ipv4Ranges = site._ipv4Ranges;
        _ipv6Ranges = site._ipv6Ranges;
    }

    /// <summary>The site code.</summary>
    public SiteCode Code { get; }

    /// <summary>The site version: the agent version its access points serve.</summary>
    public AgentVersion Version { get; }

    /// <summary>The boundaries, as given.</summary>
    public IReadOnlyList<Boundary> Boundaries => _boundaries;

    /// <summary>False when the boundaries could not be read; see the constructor.</summary>
    public bool BoundariesKnown { get; }

    /// <summary>The site's release line.</summary>
    public ReleaseLine Line => Version.Line;

    /// <summary>The same site at another version.</summary>
    public Site WithVersion(AgentVersion version) => new(this, version);

    /// <summary>
    /// True when the site's line is not older than the line of <paramref name="clientVersion"/>: the
    /// site can manage that agent without a mixed install (docs/RULES.md section 1).
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
            if (Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the address identifies a network and lies inside one of the boundaries.</summary>
    public bool Contains(NetworkAddress address)
    {
        if (!BoundariesKnown || !IdentifyingAddresses.Identifies(address))
        {
            return false;
        }

        if (!address.IsIPv6)
        {
            var v = (uint)address.Value;
            var ranges = _ipv4Ranges;
            for (var i = 0; i + 1 < ranges.Length; i += 2)
            {
                if (v >= ranges[i] && v <= ranges[i + 1])
                {
                    return true;
                }
            }

            return false;
        }

        var value = address.Value;
        var wide = _ipv6Ranges;
        for (var i = 0; i + 1 < wide.Length; i += 2)
        {
            if (value >= wide[i] && value <= wide[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>A01 (2.00.1380.1000)</c>.</summary>
    public override string ToString() => $"{Code} ({Version})";
}
