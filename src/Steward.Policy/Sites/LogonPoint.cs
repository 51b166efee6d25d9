namespace Steward.Policy.Sites;

/// <summary>
/// A logon point: an entry point shared by its participating sites. It carries one agent package,
/// the senior site's (docs/RULES.md section 7; Q235726).
/// </summary>
/// <param name="Name">The logon point's name (for reasons).</param>
/// <param name="Participating">The participating sites, as indices into the table the decision uses.</param>
/// <param name="NamedSenior">
/// The senior site an administrator named (an index into the same table, and one of the participating
/// sites), or -1 to let the senior site follow the versions (the historical Senior.lst).
/// </param>
public readonly record struct LogonPoint(string Name, SiteSet Participating, int NamedSenior = -1)
{
    /// <summary>
    /// The senior site: the named one if any, otherwise the participating site with the newest
    /// version, the lowest site code breaking ties. Decided afresh from the current versions at every
    /// request, so upgrading a site moves the logon point's package with it. -1 when no site participates.
    /// </summary>
    public int SeniorSite(SiteTable sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return NamedSenior >= 0 && Participating.Contains(NamedSenior) ? NamedSenior : sites.Newest(Participating);
    }
}
