using System.Text;
using Steward.Policy.Versions;

namespace Steward.Policy.Sites;

/// <summary>
/// The sites a decision may name, in site-code order; a <see cref="SiteSet"/> indexes into it.
/// </summary>
/// <remarks>
/// The simulator builds one table for a whole scenario; the server builds one per request from the
/// sites that request touches (a logon point's participating sites and the client's sites). A table
/// is immutable: a new site version makes a new table (<see cref="WithVersion"/>).
/// </remarks>
public sealed class SiteTable
{
    private readonly Site[] _sites;

    /// <summary>A table of the given sites (sorted here by code; codes must be unique).</summary>
    public SiteTable(IEnumerable<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = [.. sites.OrderBy(s => s.Code)];
        if (_sites.Length > SiteSet.Capacity)
        {
            throw new ArgumentException($"A table holds at most {SiteSet.Capacity} sites; {_sites.Length} were given.", nameof(sites));
        }

        for (var i = 1; i < _sites.Length; i++)
        {
            if (_sites[i].Code == _sites[i - 1].Code)
            {
                throw new ArgumentException($"Site {_sites[i].Code} is given twice.", nameof(sites));
            }
        }
    }

    private SiteTable(Site[] sites) => _sites = sites;

    /// <summary>The number of sites.</summary>
    public int Count => _sites.Length;

    /// <summary>The site at an index.</summary>
    public Site this[int index] => _sites[index];

    /// <summary>The set of every site in the table.</summary>
    public SiteSet All
    {
        get
        {
            var all = SiteSet.Empty;
            for (var i = 0; i < _sites.Length; i++)
            {
                all = all.With(i);
            }

            return all;
        }
    }

    /// <summary>The index of a site code, or -1.</summary>
    public int IndexOf(SiteCode code)
    {
        int lo = 0, hi = _sites.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _sites[mid].Code.CompareTo(code);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The same table with one site at a new version.</summary>
    public SiteTable WithVersion(int index, AgentVersion version)
    {
        var copy = (Site[])_sites.Clone();
        copy[index] = copy[index].WithVersion(version);
        return new SiteTable(copy);
    }

    /// <summary>The newest site version in a set, and the lowest code among equals; -1 for an empty set.</summary>
    public int Newest(SiteSet set)
    {
        var best = -1;
        foreach (var i in set)
        {
            // Indices ascend in code order, so a strict comparison keeps the lowest code on a tie.
            if (best < 0 || _sites[i].Version > _sites[best].Version)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The sites in a set compatible with a client version (site line not older).</summary>
    public SiteSet CompatibleWith(SiteSet set, AgentVersion clientVersion)
    {
        var compatible = SiteSet.Empty;
        foreach (var i in set)
        {
            if (_sites[i].IsCompatibleWith(clientVersion))
            {
                compatible = compatible.With(i);
            }
        }

        return compatible;
    }

    /// <summary>The sites in a set whose boundaries contain any of the addresses.</summary>
    public SiteSet Containing(SiteSet set, ReadOnlySpan<Boundaries.NetworkAddress> addresses)
    {
        var inside = SiteSet.Empty;
        foreach (var i in set)
        {
            if (_sites[i].Contains(addresses))
            {
                inside = inside.With(i);
            }
        }

        return inside;
    }

    /// <summary>The codes of a set, sorted, comma-separated (<c>A01, B01</c>); "none" when empty.</summary>
    public string Format(SiteSet set)
    {
        if (set.IsEmpty)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var i in set)
        {
            text.Append(text.Length == 0 ? "" : ", ").Append(_sites[i].Code.ToString());
        }

        return text.ToString();
    }

    /// <summary>The codes of a set, sorted.</summary>
    public IReadOnlyList<string> Codes(SiteSet set)
    {
        var codes = new List<string>(set.Count);
        foreach (var i in set)
        {
            codes.Add(_sites[i].Code.ToString());
        }

        return codes;
    }
}
