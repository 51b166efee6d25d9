using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Policy.Rollouts;
using Steward.Server.Rollouts;
using Steward.Server.Storage;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>POST /console/rollouts/{id}/{verb}</c>: an operator or admin promotes, halts, resumes or aborts a rollout, as
/// <c>POST /v1/rollouts/{id}/{verb}</c> does — the store applies Policy's lifecycle to the rollout as it is now and
/// writes the change with its audit row (the token's name as actor), in one transaction.
/// </summary>
[Authorize(Policy = "console-operator")]
public sealed class RolloutChangeModel : RolloutVerbPage
{
    internal string Id { get; private set; } = "";

    public IActionResult OnGet(string id) => LocalRedirect($"/console/rollouts/{Uri.EscapeDataString(id)}");

    public async Task<IActionResult> OnPostAsync(string id, string verb)
    {
        if (!RolloutVerbs.IsStateVerb(verb))
        {
            return NotFound();
        }

        var (result, reason, _) = await RolloutEndpoints.ApplyVerbAsync(
            id, verb, HttpContext, Service<IRolloutStore>(), Service<IRolloutClock>(), Service<TimeProvider>(), HttpContext.RequestAborted).ConfigureAwait(false);
        Id = id;
        return Answer(result, reason, id, verb);
    }
}
