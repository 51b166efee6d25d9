using Steward.Cli.Admin;

namespace Steward.Cli.Push;

/// <summary>What <c>steward push</c> was asked to do.</summary>
/// <param name="Admin">Server, token and output.</param>
/// <param name="Hosts">The hosts named on the command line (<c>[USER@]HOST[:PORT]</c>).</param>
/// <param name="Inventory">A file of hosts, one a line (<c>#</c> comments), or null.</param>
/// <param name="RetryFailed">Also the hosts the last push failed on (unreachable, authentication refused, failed).</param>
/// <param name="LogonPoint">The logon point the agents are installed against.</param>
/// <param name="Secret">Its enrollment secret, or null (then <c>STEWARD_ENROLLMENT_SECRET</c>).</param>
/// <param name="AgentServer">The server's address as the hosts reach it, or null (the server's address here).</param>
/// <param name="User">The SSH user, or null (the current user's name).</param>
/// <param name="Identities">Private key files, or empty (<c>~/.ssh/id_ed25519</c>, <c>id_ecdsa</c>, <c>id_rsa</c>, those that exist).</param>
/// <param name="KnownHostsFile">The known_hosts file, or null (<c>~/.ssh/known_hosts</c>).</param>
/// <param name="AcceptNew">Record the key of a host not in known_hosts instead of refusing it.</param>
/// <param name="Sudo">Run dpkg and the agent with <c>sudo -n</c>.</param>
/// <param name="Parallel">How many hosts at once.</param>
/// <param name="Packages">The directory of the agent's .deb files, or null (the current directory).</param>
/// <param name="Root">Install under this directory on each host (an image), or null.</param>
/// <param name="Timeout">The SSH connection timeout.</param>
internal sealed record PushOptions(
    AdminSwitches Admin, IReadOnlyList<string> Hosts, string? Inventory, bool RetryFailed, string LogonPoint, string? Secret, string? AgentServer,
    string? User, IReadOnlyList<string> Identities, string? KnownHostsFile, bool AcceptNew, bool Sudo, int Parallel, string? Packages, string? Root, TimeSpan Timeout);
