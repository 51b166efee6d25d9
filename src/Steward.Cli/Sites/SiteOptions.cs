using Steward.Cli.Admin;

namespace Steward.Cli.Sites;

/// <summary>What <c>steward site show</c> or <c>steward site remove</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Code">The site code.</param>
internal sealed record SiteOptions(AdminSwitches Admin, string Code);
