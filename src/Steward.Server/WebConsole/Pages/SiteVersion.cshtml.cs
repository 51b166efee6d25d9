using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Server.Http;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

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

    internal string? Refusal { get; private set; }

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
        var row = new SiteRow
        {
            Code = current.Code, Name = current.Name, Version = parsedVersion!.Value.ToString(), Boundaries = current.Boundaries,
            UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(), Revision = current.Revision + 1, CreatedAt = current.CreatedAt,
        };
        var audit = Audits.Of(HttpContext, time, "site.version", current.Code, SiteViews.Change(current, row));
        var result = await Store.UpdateSiteAsync(row, revision ?? current.Revision, audit, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var words = result.Refusal is { } refusal ? RefusalWords.Of(refusal)
                : result.Status == StoreStatus.RevisionMismatch ? $"site {current.Code} changed since the form was shown; load it again and repeat"
                : $"site {current.Code}: refused";
            return Refuse(StatusCodes.Status409Conflict, words);
        }

        return LocalRedirect($"/console/sites/{current.Code}?changed=version");
    }

    private PageResult Refuse(int status, string words)
    {
        Refusal = words;
        Response.StatusCode = status;
        return Page();
    }
}
