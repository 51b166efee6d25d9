using Steward.Cli.Admin;

namespace Steward.Cli.LogonPoints;

/// <summary>What <c>steward logon-point add</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Name">The logon point's name.</param>
/// <param name="Sites">The participating sites.</param>
/// <param name="Senior">The senior site an administrator names, or null for the newest.</param>
/// <param name="Secret">The enrollment secret to use, or null for one the server makes.</param>
internal sealed record LogonPointAddOptions(AdminSwitches Admin, string Name, IReadOnlyList<string> Sites, string? Senior, string? Secret);
