using Steward.Cli.Admin;

namespace Steward.Cli.Tokens;

/// <summary>What <c>steward token revoke</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Name">The token's name.</param>
internal sealed record TokenOptions(AdminSwitches Admin, string Name);

/// <summary>What <c>steward token create</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Name">The new token's name.</param>
/// <param name="Role">viewer, operator or admin.</param>
/// <param name="Expires">Its life (<c>30d</c>), or null.</param>
internal sealed record TokenCreateOptions(AdminSwitches Admin, string Name, string Role, string? Expires);
