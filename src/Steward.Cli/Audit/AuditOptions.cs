using Steward.Cli.Admin;

namespace Steward.Cli.Audit;

/// <summary>What <c>steward audit</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Limit">How many of the latest changes to show; the server says which numbers it accepts.</param>
internal sealed record AuditOptions(AdminSwitches Admin, int Limit);
