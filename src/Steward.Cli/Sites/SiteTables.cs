using System.Globalization;
using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Protocol.Admin;

namespace Steward.Cli.Sites;

/// <summary>Sites as tables for people.</summary>
internal static class SiteTables
{
    /// <summary>The code, and the name in parentheses when there is one.</summary>
    public static string Title(SiteView site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Name is null ? site.Code : $"{site.Code} ({site.Name})";
    }

    /// <summary>One row per site.</summary>
    public static Table List(IReadOnlyList<SiteView> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Site", "Name", "Version", "Line", "Boundaries");
        foreach (var site in sites)
        {
            table.AddRow(Plain(site.Code), Plain(site.Name ?? ""), Plain(site.Version), Plain(site.Line), Plain(string.Join('\n', site.Boundaries)));
        }

        return table;
    }

    /// <summary>One site, a property a row.</summary>
    public static Table One(SiteView site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var table = new Table { Border = TableBorder.Rounded, ShowHeaders = false };
        table.AddColumns("", "");
        table.AddRow(Plain("Site"), Plain(site.Code));
        table.AddRow(Plain("Name"), Plain(site.Name ?? Formats.None));
        table.AddRow(Plain("Version"), Plain(site.Version));
        table.AddRow(Plain("Line"), Plain(site.Line));
        table.AddRow(Plain("Boundaries"), Plain(site.Boundaries.Count == 0 ? Formats.None : string.Join('\n', site.Boundaries)));
        table.AddRow(Plain("Revision"), Plain(site.Revision.ToString(CultureInfo.InvariantCulture)));
        return table;
    }

    private static Text Plain(string text) => new(text);
}
