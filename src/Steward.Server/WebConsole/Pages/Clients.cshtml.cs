using Steward.Server.Http;
using Steward.Server.Storage.Rows;
using Steward.Server.WebConsole.Views;

namespace Steward.Server.WebConsole.Pages;

/// <summary>
/// <c>/console/clients</c>: the clients in id order, filtered by site, installed version, last outcome, name
/// and inactivity, a page at a time (keyset paging: each page starts after the last id of the one before, so a
/// page costs the same at the millionth client as at the first).
/// </summary>
public sealed class ClientsModel : ConsolePage
{
    internal ClientQuery Query { get; private set; } = null!;

    internal FieldErrors Errors { get; } = new();

    internal IReadOnlyList<ClientRow> Rows { get; private set; } = [];

    internal IReadOnlyList<string> SiteCodes { get; private set; } = [];

    internal IReadOnlyList<string> Versions { get; private set; } = [];

    internal string? Next { get; private set; }

    internal long InactiveBefore { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Query = ClientQuery.Read(Request.Query, Errors);
        InactiveBefore = Options.InactiveBefore(Now);
        SiteCodes = [.. (await Store.ListSitesAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Code)];
        Versions = [.. (await Store.ListPackagesAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Version).Order(StringComparer.Ordinal)];
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var rows = await Store.ListClientsAsync(Query.Filter(InactiveBefore, Query.Limit + 1, Query.After), cancellationToken).ConfigureAwait(false);
        Rows = [.. rows.Take(Query.Limit)];
        Next = rows.Count > Query.Limit ? Rows[^1].Id : null;
    }
}
