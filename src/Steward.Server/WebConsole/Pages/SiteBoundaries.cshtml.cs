using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Sites;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>POST /console/sites/{code}/boundaries</c>: an admin replaces a site's boundaries (one per line), as
/// <c>PUT /v1/sites/{code}</c> does — checked by the API's <see cref="SiteInput.Check"/>, written by the store with the
/// same <c>site.update</c> audit row, refused when the site changed since the form was shown (its revision).
/// </summary>
[Authorize(Policy = "console-admin")]
public sealed class SiteBoundariesModel : ConsolePage
{
    internal string Code { get; private set; } = "";

    public IActionResult OnGet(string code) => LocalRedirect($"/console/sites/{Uri.EscapeDataString(code)}");

    public async Task<IActionResult> OnPostAsync(string code, string? boundaries, long? revision)
    {
        var current = await FindSiteAsync(code).ConfigureAwait(false);
        if (current is null)
        {
            return NotFound();
        }

        Code = current.Code;
        var errors = new FieldErrors();
        var lines = (boundaries ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (SiteInput.Check(new SiteRequest(current.Code, current.Name, current.Version, lines), current.Code, errors) is not { } site)
        {
            return Refuse(StatusCodes.Status400BadRequest, errors.Summary);
        }

        var time = Service<TimeProvider>();
        var row = SiteEndpoints.Changed(current, time, current.Name, current.Version, SiteText.JoinBoundaries(site.Boundaries));
        var result = await SiteEndpoints.SaveAsync(HttpContext, Store, time, current, row, revision, SiteEndpoints.UpdateAction, HttpContext.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(StatusCodes.Status409Conflict, Problems.Words(result, $"site {current.Code}"));
        }

        return LocalRedirect($"/console/sites/{current.Code}?changed=boundaries");
    }
}
