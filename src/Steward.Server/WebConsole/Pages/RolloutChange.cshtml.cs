using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Policy.Rollouts;
using Steward.Server.Http;
using Steward.Server.Rollouts;
using Steward.Server.Storage;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>POST /console/rollouts/{id}/{verb}</c>: an operator or admin promotes, halts, resumes or aborts a rollout, as
/// <c>POST /v1/rollouts/{id}/{verb}</c> does — the store applies Policy's lifecycle to the rollout as it is now and
/// writes the change with its audit row (the token's name as actor), in one transaction.
/// </summary>
[Authorize(Policy = "console-operator")]
public sealed class RolloutChangeModel : ConsolePage
{
    internal string Id { get; private set; } = "";

    internal string? Refusal { get; private set; }

    public IActionResult OnGet(string id) => LocalRedirect($"/console/rollouts/{Uri.EscapeDataString(id)}");

    public async Task<IActionResult> OnPostAsync(string id, string verb)
    {
        if (!RolloutInput.ValidId(id) || !RolloutVerbs.IsStateVerb(verb))
        {
            return NotFound();
        }

        Id = id;
        var cancellationToken = HttpContext.RequestAborted;
        var time = Service<TimeProvider>();
        var now = await Service<IRolloutClock>().NowAsync(cancellationToken).ConfigureAwait(false);
        var word = verb;
        var (result, _, _) = await Service<IRolloutStore>().ChangeRolloutAsync(id, verb, now, Audits.Of(HttpContext, time, "rollout." + word, id, ""), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect($"/console/rollouts/{id}?done={word}");
        }

        if (result.Status == StoreStatus.NotFound)
        {
            return NotFound();
        }

        Refusal = result.Refusal is { } refusal ? RefusalWords.Of(refusal) : $"rollout {id}: {word} refused";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
