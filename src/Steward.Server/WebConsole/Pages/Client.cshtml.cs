using Microsoft.AspNetCore.Mvc;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/clients/{id}</c>: one client's state, its upgrade result, and every decision about it, newest first, with its reason.</summary>
public sealed class ClientModel : ConsolePage
{
    internal ClientRow Client { get; private set; } = null!;

    internal IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    internal bool Inactive { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var client = id is { Length: <= 64 } ? await Store.FindClientAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (client is null)
        {
            return NotFound();
        }

        Client = client;
        Inactive = client.LastSeen is { } seen && seen < Options.InactiveBefore(Now);
        Decisions = [.. (await Store.ListDecisionsAsync(id, cancellationToken).ConfigureAwait(false)).Reverse()];
        return Page();
    }
}
