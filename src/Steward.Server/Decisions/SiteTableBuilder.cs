using System.Collections.Concurrent;
using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Decisions;

/// <summary>
/// Turns site rows into the <see cref="SiteTable"/> a decision takes. Parsed sites are cached by code and
/// revision: the rows are read from the database at every request, so the cache can never serve a site
/// that changed, and other server processes need not be told anything.
/// </summary>
internal sealed class SiteTableBuilder
{
    private readonly ConcurrentDictionary<string, (long Revision, Site Site)> _parsed = new(StringComparer.Ordinal);

    public SiteTable Build(IEnumerable<SiteRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new SiteTable(rows.Select(Parse));
    }

    /// <summary>The indices of the codes that are in the table (a site removed meanwhile is left out).</summary>
    public static SiteSet Indices(SiteTable table, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(table);
        var set = SiteSet.Empty;
        foreach (var code in codes)
        {
            var index = table.IndexOf(SiteCode.ParseExact(code));
            if (index >= 0)
            {
                set = set.With(index);
            }
        }

        return set;
    }

    private Site Parse(SiteRow row)
    {
        if (_parsed.TryGetValue(row.Code, out var cached) && cached.Revision == row.Revision)
        {
            return cached.Site;
        }

        var site = ParseRow(row);
        _parsed[row.Code] = (row.Revision, site);
        return site;
    }

    // A row whose boundaries cannot be read (a damaged database, a hand edit) becomes a site with unknown
    // boundaries: it gains no client, and no client is dropped from it (docs/RULES.md R3, the boundary check).
    private static Site ParseRow(SiteRow row)
    {
        var code = SiteCode.ParseExact(row.Code);
        var version = AgentVersion.Parse(row.Version);
        var boundaries = new List<Boundary>();
        foreach (var text in SiteText.Boundaries(row.Boundaries))
        {
            var parsed = Boundary.Parse(text);
            if (!parsed.Success)
            {
                return new Site(code, version, [], boundariesKnown: false);
            }

            boundaries.Add(parsed.Value);
        }

        return new Site(code, version, boundaries);
    }
}
