using System.CommandLine;
using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Push;

/// <summary><c>steward push</c>: parses its options into <see cref="PushOptions"/>.</summary>
internal static class PushCommand
{
    /// <summary>The command.</summary>
    public static Command Create(Terminal terminal, CliEnvironment environment)
    {
        var hosts = new Argument<string[]>("host") { Description = "Hosts to install: [USER@]HOST[:PORT].", Arity = ArgumentArity.ZeroOrMore };
        var inventory = new Option<string?>("--inventory") { Description = "A file of hosts, one a line ([USER@]HOST[:PORT]; '#' starts a comment).", HelpName = "FILE" };
        var retry = new Option<bool>("--retry-failed") { Description = "Also the hosts the last push failed on (unreachable, authentication refused, failed)." };
        var logonPoint = new Option<string>("--logon-point") { Description = "The logon point the agents are installed against: its boundaries and sites decide (R1, R2) as for any install.", HelpName = "NAME", Required = true };
        var secret = new Option<string?>("--secret") { Description = $"The logon point's enrollment secret. Default: ${PushAction.SecretVariable}.", HelpName = "S" };
        var agentServer = new Option<string?>("--agent-server") { Description = "The server's address as the hosts reach it. Default: the server's address here.", HelpName = "URL" };
        var user = new Option<string?>("--user") { Description = "The SSH user. Default: your user name.", HelpName = "U" };
        var identity = new Option<string[]>("--identity") { Description = "A private key file (repeatable). Default: ~/.ssh/id_ed25519, id_ecdsa, id_rsa.", HelpName = "FILE" };
        var knownHosts = new Option<string?>("--known-hosts") { Description = "The known_hosts file host keys are checked against. Default: ~/.ssh/known_hosts.", HelpName = "FILE" };
        var acceptNew = new Option<bool>("--accept-new") { Description = "Record the key of a host not in known_hosts (a changed key is still refused)." };
        var sudo = new Option<bool>("--sudo") { Description = "Run dpkg and the agent with 'sudo -n' (for a user other than root)." };
        var parallel = new Option<int>("--parallel") { Description = "How many hosts at once.", DefaultValueFactory = _ => 8, HelpName = "N" };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
            {
                r.AddError("--parallel must be from 1 to 256.");
            }
        });
        var packages = new Option<string?>("--packages") { Description = "The directory of the agent's packages (steward-agent_VERSION_ARCH.deb). Default: the current directory.", HelpName = "DIR" };
        var root = new Option<string?>("--root") { Description = "Install under this directory on each host instead of / (dpkg --root; an image being prepared).", HelpName = "DIR" };
        var timeout = new Option<int>("--connect-timeout") { Description = "Seconds to wait for a host's SSH connection.", DefaultValueFactory = _ => 15, HelpName = "SECONDS" };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 600)
            {
                r.AddError("--connect-timeout must be from 1 to 600 seconds.");
            }
        });
        var command = new Command(
            "push",
            "Install the agent on hosts over SSH: copy the package for each host's architecture, install it, and enroll it at a logon point. "
            + "Host keys are checked against known_hosts. Each host's result is printed, recorded in the audit log, and kept for --retry-failed.")
        {
            hosts, inventory, retry, logonPoint, secret, agentServer, user, identity, knownHosts, acceptNew, sudo, parallel, packages, root, timeout,
        };
        var admin = AdminOptionSet.AddTo(command);
        command.SetAction((parsed, cancellation) => PushAction.RunAsync(
            new PushOptions(
                admin.Read(parsed), parsed.GetValue(hosts) ?? [], parsed.GetValue(inventory), parsed.GetValue(retry), parsed.GetValue(logonPoint)!, parsed.GetValue(secret),
                parsed.GetValue(agentServer), parsed.GetValue(user), parsed.GetValue(identity) ?? [], parsed.GetValue(knownHosts), parsed.GetValue(acceptNew), parsed.GetValue(sudo),
                parsed.GetValue(parallel), parsed.GetValue(packages), parsed.GetValue(root), TimeSpan.FromSeconds(parsed.GetValue(timeout))),
            terminal, environment, cancellation));
        return command;
    }
}
