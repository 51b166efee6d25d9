using System.Text.Json;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Sites;

/// <summary>Site rows as the API shows them.</summary>
internal static class SiteViews
{
    public static SiteView Of(SiteRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SiteView(row.Code, row.Name, row.Version, LineOf(row.Version), SiteText.Boundaries(row.Boundaries), row.Revision);
    }

    /// <summary>The release line of a site's version, as the API and the console's sites page show it; empty when it does not parse.</summary>
    public static string LineOf(string version) =>
        AgentVersion.TryParse(version) is { Success: true } parsed ? parsed.Value.Line.ToString() : "";

    /// <summary>The audit details of a change to a site: the site before and after, as the API shows them.</summary>
    public static string Change(SiteRow before, SiteRow after) =>
        $"{{\"before\":{JsonSerializer.Serialize(Of(before), ProtocolJson.Default.SiteView)},\"after\":{JsonSerializer.Serialize(Of(after), ProtocolJson.Default.SiteView)}}}";
}
