using Steward.Cli.Admin;

namespace Steward.Cli.Scenarios;

/// <summary>What <c>steward scenario export</c> was asked to do.</summary>
/// <param name="Admin">Server and token.</param>
/// <param name="Output">The file to write; null: standard output.</param>
internal sealed record ScenarioExportOptions(AdminSwitches Admin, string? Output);
