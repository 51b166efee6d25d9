using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

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

    internal string? Refusal { get; private set; }

    public IActionResult OnGet(string code) => LocalRedirect($"/console/sites/{Uri.EscapeDataString(code)}");

    public async Task<IActionResult> OnPostAsync(string code, string? boundaries, long? revision)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = code is { Length: <= 16 } ? await Store.FindSiteAsync(code.ToUpperInvariant(), cancellationToken).ConfigureAwait(false) : null;
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
        var row = new SiteRow
        {
            Code = current.Code, Name = current.Name, Version = current.Version, Boundaries = SiteText.JoinBoundaries(site.Boundaries),
            UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(), Revision = current.Revision + 1, CreatedAt = current.CreatedAt,
        };
        var audit = Audits.Of(HttpContext, time, "site.update", current.Code, SiteViews.Change(current, row));
        var result = await Store.UpdateSiteAsync(row, revision ?? current.Revision, audit, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Refuse(StatusCodes.Status409Conflict, result.Refusal is { } refusal ? RefusalWords.Of(refusal)
                : result.Status == StoreStatus.RevisionMismatch ? $"site {current.Code} changed since the form was shown; load it again and repeat"
                : $"site {current.Code}: refused");
        }

        return LocalRedirect($"/console/sites/{current.Code}?changed=boundaries");
    }

    private PageResult Refuse(int status, string words)
    {
        Refusal = words;
        Response.StatusCode = status;
        return Page();
    }
}
