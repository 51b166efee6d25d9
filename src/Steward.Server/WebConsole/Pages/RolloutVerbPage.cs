using Microsoft.AspNetCore.Mvc;
using Steward.Server.Http;
using Steward.Server.Storage;

namespace Steward.Server.WebConsole.Pages;

/// <summary>A console form that applies a verb to a rollout (<see cref="RolloutChangeModel"/>, <see cref="RolloutRollbackModel"/>), and answers alike.</summary>
public abstract class RolloutVerbPage : ConsolePage
{
    /// <summary>
    /// The answer to <paramref name="verb"/> applied to rollout <paramref name="id"/>: applied, the rollout page, which
    /// says what it did in Policy's words (<paramref name="reason"/>, once, in TempData's cookie rather than the address);
    /// no such rollout, 404; refused, this page with the refusal in words and 409.
    /// </summary>
    private protected IActionResult Answer(StoreResult result, string reason, string id, string verb)
    {
        if (result.Succeeded)
        {
            TempData[RolloutModel.ReasonKey] = reason;
            return LocalRedirect($"/console/rollouts/{id}?done={verb}");
        }

        return result.Status == StoreStatus.NotFound
            ? NotFound()
            : Refuse(StatusCodes.Status409Conflict, Problems.Words(result, $"rollout {id}"));
    }
}
