using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console/audit</c>: who changed what, newest first.</summary>
public sealed class AuditModel : ConsolePage
{
    public const int Shown = 200;

    internal IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await Store.ListAuditAsync(Shown, HttpContext.RequestAborted).ConfigureAwait(false);
}
