using Steward.Cli.Admin;

namespace Steward.Cli.Sites;

/// <summary>What <c>steward site set-version</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Code">The site code.</param>
/// <param name="Version">The new site version.</param>
internal sealed record SiteVersionOptions(AdminSwitches Admin, string Code, string Version);
