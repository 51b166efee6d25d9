using System.Text.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary>The webhook's JSON body for a halt or a completion, made when it happens and posted as stored.</summary>
internal static class RolloutNotices
{
    public static string Body(string kind, RolloutRow rollout, string reason, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var notice = new RolloutNotice(
            kind, rollout.Id, rollout.Site, rollout.FromVersion, rollout.ToVersion, rollout.State, reason, rollout.Successes, rollout.Failures,
            DateTimeOffset.FromUnixTimeMilliseconds(nowMs));
        return JsonSerializer.Serialize(notice, ProtocolJson.Default.RolloutNotice);
    }
}
