using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Server.WebConsole.Pages;

/// <summary><c>/console</c>: the fleet is the first page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/console/fleet");
}
