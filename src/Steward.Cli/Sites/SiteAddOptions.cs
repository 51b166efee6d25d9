using Steward.Cli.Admin;

namespace Steward.Cli.Sites;

/// <summary>What <c>steward site add</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Code">The site code.</param>
/// <param name="Name">A name for people, or null.</param>
/// <param name="Version">The site version.</param>
/// <param name="Boundaries">The boundaries, as given.</param>
internal sealed record SiteAddOptions(AdminSwitches Admin, string Code, string? Name, string Version, IReadOnlyList<string> Boundaries);
