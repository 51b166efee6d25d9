using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/rollouts</c>: every rollout, the newest first, with its state and the halt rule's standing.</summary>
public sealed class RolloutsModel : ConsolePage
{
    internal IReadOnlyList<RolloutRow> Rollouts { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rollouts = await Service<IRolloutStore>().ListRolloutsAsync(HttpContext.RequestAborted).ConfigureAwait(false);

    internal static string Standing(RolloutRow row) => Policy.Rollouts.HaltRule.Standing(RolloutRows.ToPolicy(row, 0));
}
