using Steward.Cli.Admin;

namespace Steward.Cli.Packages;

/// <summary>What <c>steward package publish</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="File">The package archive.</param>
/// <param name="Version">The version it is declared to hold; the server checks it against the manifest.</param>
internal sealed record PackagePublishOptions(AdminSwitches Admin, string File, string Version);
