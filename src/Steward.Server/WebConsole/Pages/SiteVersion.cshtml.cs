using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Steward.Server.Http;
using Steward.Server.Sites;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>POST /console/sites/{code}/version</c>: an operator or admin sets the version a site serves, as
/// <c>PUT /v1/sites/{code}/version</c> does: refused unless the version is published, or when the site changed
/// since the form was shown (its revision), and written with its audit row.
/// </summary>
[Authorize(Policy = "console-operator")]
public sealed class SiteVersionModel : ConsolePage
{
    internal string Code { get; private set; } = "";

    public IActionResult OnGet(string code) => LocalRedirect($"/console/sites/{Uri.EscapeDataString(code)}");

    public async Task<IActionResult> OnPostAsync(string code, string? version, long? revision)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var errors = new FieldErrors();
        var parsedCode = SiteInput.Code(code, "code", errors);
        var parsedVersion = SiteInput.Version(version, "version", errors);
        Code = code;
        if (errors.Any)
        {
            return Refuse(StatusCodes.Status400BadRequest, errors.Summary);
        }

        var current = await Store.FindSiteAsync(parsedCode!.Value.ToString(), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return NotFound();
        }

        Code = current.Code;
        var time = Service<TimeProvider>();
        var row = SiteEndpoints.Changed(current, time, current.Name, parsedVersion!.Value.ToString(), current.Boundaries);
        var result = await SiteEndpoints.SaveAsync(HttpContext, Store, time, current, row, revision, SiteEndpoints.SetVersionAction, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(StatusCodes.Status409Conflict, Problems.Words(result, $"site {current.Code}"));
        }

        return LocalRedirect($"/console/sites/{current.Code}?changed=version");
    }
}
