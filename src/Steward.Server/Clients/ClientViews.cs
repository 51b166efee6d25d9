using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Clients;

/// <summary>Client and decision rows as the API shows them.</summary>
internal static class ClientViews
{
    public static ClientView Of(ClientRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var upgrade = row.UpgradeVersion is not { } tried
            ? null
            : new UpgradeResultView(tried.ToString(), row.UpgradeSucceeded == true, row.UpgradeMessage ?? "", DateTimeOffset.FromUnixTimeMilliseconds(row.UpgradeAt ?? 0));
        return new ClientView(
            row.Id, row.Name, row.Installed?.ToString(), row.Sites, row.Addresses, row.Travel, row.LastOutcome,
            row.LastSeen is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : null, DateTimeOffset.FromUnixTimeMilliseconds(row.EnrolledAt), upgrade, row.Health);
    }

    public static DecisionView Of(DecisionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DecisionView(
            DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.Cause, row.Via, row.Outcome, row.Kind, row.VersionBefore, row.VersionAfter,
            row.SitesBefore, row.SitesAfter, row.Reason, row.Repeats, DateTimeOffset.FromUnixTimeMilliseconds(row.LastAt));
    }
}
