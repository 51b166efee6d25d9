using Steward.Policy.Boundaries;
using Steward.Policy.Checks;
using Steward.Policy.Sites;
using Steward.Server.Decisions;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>
/// What a started rollout's answer warns of its pilot (Policy's <see cref="RolloutCheck"/>): a pilot client that is
/// neither assigned to the site nor inside its boundaries, or that already runs a newer version, can never let the
/// pilot succeed by itself. A warning, not a refusal: the administrator may mean it, and <c>promote</c> ends a pilot.
/// </summary>
internal static class PilotWarnings
{
    public static IReadOnlyList<string> Of(SiteRow site, SiteTables tables, RolloutRow rollout, IReadOnlyList<ClientRow> pilot)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(pilot);
        if (pilot.Count == 0)
        {
            return [];
        }

        var table = tables.Build([site]);
        var clients = pilot.Select(c => new PilotClient(c.Name, c.Installed, c.Sites.Contains(site.Code, StringComparer.Ordinal) || Inside(table, c))).ToList();
        var planned = new PlannedRollout(rollout.Id, 0, Policy.Versions.AgentVersion.Parse(rollout.ToVersion), rollout.WindowSeconds, 0, (int)rollout.HaltFailures, long.MaxValue, clients);
        return [.. RolloutCheck.Run(table, [], planned).Where(w => w.Code.StartsWith("pilot-", StringComparison.Ordinal)).Select(w => $"{w.Message} {w.Fix}")];
    }

    private static bool Inside(SiteTable table, ClientRow client)
    {
        var addresses = client.Addresses.Select(a => NetworkAddress.Parse(a)).Where(p => p.Success).Select(p => p.Value).ToArray();
        return !table.Containing(SiteSet.Of(0), addresses).IsEmpty;
    }
}
