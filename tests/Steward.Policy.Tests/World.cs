using Steward.Policy.Sites;

namespace Steward.Policy.Tests;

/// <summary>A site table with lookups by code, so that tests speak in site codes rather than indices.</summary>
internal sealed class World(params Site[] sites)
{
    public SiteTable Sites { get; private set; } = new(sites);

    public int this[string code]
    {
        get
        {
            var index = Sites.IndexOf(Make.Code(code));
            Assert.True(index >= 0, $"no site {code} in the test world");
            return index;
        }
    }

    public SiteSet Set(params string[] codes)
    {
        var set = SiteSet.Empty;
        foreach (var code in codes)
        {
            set = set.With(this[code]);
        }

        return set;
    }

    public LogonPoint Point(string name, params string[] codes) => new(name, Set(codes));

    public LogonPoint PointWithSenior(string name, string senior, params string[] codes) => new(name, Set(codes), this[senior]);

    public IReadOnlyList<string> Codes(SiteSet set) => Sites.Codes(set);

    /// <summary>An administrator changes a site's version: the table is replaced, as in the server.</summary>
    public void SetVersion(string code, string version) => Sites = Sites.WithVersion(this[code], Make.V(version));
}
