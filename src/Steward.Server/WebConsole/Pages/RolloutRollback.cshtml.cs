using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Policy.Rollouts;
using Steward.Server.Rollouts;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/rollouts/{id}/rollback</c>: an operator or admin rolls a rollout back, in two steps. The rollout page's
/// button leads here (GET): what a rollback does, a field for why, and the button that confirms it. The confirmation
/// (POST) rolls back as <c>POST /v1/rollouts/{id}/rollback</c> does — the store applies Policy's rule to the rollout as
/// it is then and writes the site's version, the downgrade order and the audit row (the token's name as actor) in one
/// transaction — and leads back to the rollout page, which shows the order.
/// </summary>
[Authorize(Policy = "console-operator")]
public sealed class RolloutRollbackModel : RolloutVerbPage
{
    internal RolloutRow Rollout { get; private set; } = null!;

    /// <summary>Policy's reason in words when the rollout cannot be rolled back now (no form is offered then), else null.</summary>
    internal string? Refused { get; private set; }

    /// <summary>The reason as the administrator wrote it, shown again in the form after a refusal.</summary>
    internal string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await LoadAsync(id).ConfigureAwait(false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, string? reason)
    {
        Reason = reason;
        if (!await LoadAsync(id).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (RolloutInput.ReasonTooLong(reason) is { } tooLong)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"The reason is too long: {tooLong}.");
        }

        var (result, words, _) = await RolloutEndpoints.ApplyRollbackAsync(
            id, reason, HttpContext, Service<IRolloutStore>(), Service<IRolloutClock>(), Service<TimeProvider>(), HttpContext.RequestAborted).ConfigureAwait(false);
        return Answer(result, words, Rollout.Id, RolloutVerbs.Rollback);
    }

    // The rollout as it is now, and whether Policy allows its rollback: the form is offered only then.
    private async Task<bool> LoadAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var store = Service<IRolloutStore>();
        if ((RolloutInput.ValidId(id) ? await store.FindRolloutAsync(id, cancellationToken).ConfigureAwait(false) : null) is not { } row)
        {
            return false;
        }

        Rollout = row;
        var pilot = await store.ListPilotAsync(id, cancellationToken).ConfigureAwait(false);
        var now = await Service<IRolloutClock>().NowAsync(cancellationToken).ConfigureAwait(false);
        var change = RolloutModel.Change(RolloutVerbs.Rollback, row, pilot.Count, now);
        Refused = change.Applied ? null : change.Reason;
        return true;
    }
}
