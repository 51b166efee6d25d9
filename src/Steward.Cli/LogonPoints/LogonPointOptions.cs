using Steward.Cli.Admin;

namespace Steward.Cli.LogonPoints;

/// <summary>What <c>steward logon-point remove</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Name">The logon point's name.</param>
internal sealed record LogonPointOptions(AdminSwitches Admin, string Name);
