using Steward.Cli.Admin;

namespace Steward.Cli.Clients;

/// <summary>What <c>steward client show</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Id">The client's id.</param>
internal sealed record ClientOptions(AdminSwitches Admin, string Id);
