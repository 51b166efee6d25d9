using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.LogonPoints;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>POST /console/logon-points/{name}/sites</c>: an admin changes the sites a logon point takes part in (its named
/// senior site and enrollment secret kept), as <c>PUT /v1/logon-points/{name}</c> does — checked by the API's
/// <see cref="LogonPointInput.Check"/> and written through the API's own save with its audit row.
/// </summary>
[Authorize(Policy = "console-admin")]
public sealed class LogonPointSitesModel : ConsolePage
{
    public IActionResult OnGet() => LocalRedirect("/console/logon-points");

    public async Task<IActionResult> OnPostAsync(string name, string[]? sites)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = LogonPointInput.ValidName(name) ? await Store.FindLogonPointAsync(name, cancellationToken).ConfigureAwait(false) : null;
        if (current is null)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (LogonPointInput.Check(new LogonPointRequest(current.Name, sites ?? [], current.Senior, null), current.Name, errors) is not { } point)
        {
            return Refuse(StatusCodes.Status400BadRequest, errors.Summary);
        }

        var (result, _, _) = await LogonPointEndpoints.SaveCheckedAsync(HttpContext, point, current, Store, Service<TimeProvider>(), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(StatusCodes.Status409Conflict, Problems.Words(result, $"logon point '{current.Name}'"));
        }

        return LocalRedirect($"/console/logon-points?changed={Uri.EscapeDataString(current.Name)}");
    }
}
