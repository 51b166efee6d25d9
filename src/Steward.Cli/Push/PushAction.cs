using System.Text.Json;
using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Push;

/// <summary>
/// <c>steward push</c>: installs the agent on hosts over SSH (<see cref="HostPusher"/>), several at once, with a progress
/// bar on a terminal; reports each host, records each attempt in the server's audit log, and keeps the results for
/// <c>--retry-failed</c>. Exit code 0 when every host has an agent now (installed or already managed), 1 otherwise.
/// </summary>
internal static class PushAction
{
    /// <summary>The variable that holds the enrollment secret when <c>--secret</c> does not.</summary>
    public const string SecretVariable = "STEWARD_ENROLLMENT_SECRET";

    public static Task<int> RunAsync(PushOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        return AdminRun.RunAsync(options.Admin, terminal, environment, async client =>
        {
            var statePath = PushRun.PathFor(environment);
            var hosts = PushInputs.Hosts(options, environment, statePath);
            var secret = options.Secret ?? environment.Variable(SecretVariable);
            if (string.IsNullOrEmpty(secret))
            {
                throw AdminFailure.InvalidInput($"the logon point's enrollment secret is needed: --secret S or ${SecretVariable}");
            }

            var packages = PushInputs.Packages(options, environment);

            // The logon point must exist before any host is touched (its name in a URL a host would otherwise be refused at).
            var logonPoint = await client.GetAsync(Routes.LogonPoint(options.LogonPoint), ProtocolJson.Default.LogonPointView, cancellation).ConfigureAwait(false);
            var server = (options.AgentServer ?? client.Server).TrimEnd('/');
            var target = new PushTarget(logonPoint.Value.Name, server + Routes.Logon(logonPoint.Value.Name), secret, options.Sudo, options.Root);
            var connector = new SshConnector(
                new KnownHosts(PushInputs.KnownHostsPath(options, environment)), options.AcceptNew, options.User ?? Environment.UserName, PushInputs.Identities(options, environment), options.Timeout);
            var pusher = new HostPusher(connector, packages, target);

            var results = await PushAllAsync(hosts, pusher, client, options, terminal, cancellation).ConfigureAwait(false);
            new PushRun(DateTimeOffset.UtcNow, target.LogonPointName, results).Write(statePath);
            Write(terminal, options.Admin.Json, results, statePath);
            return results.All(r => r.Result is PushResults.Installed or PushResults.AlreadyManaged) ? ExitCodes.Ok : ExitCodes.Warnings;
        });
    }

    private static async Task<IReadOnlyList<PushAttempt>> PushAllAsync(
        IReadOnlyList<HostSpec> hosts, HostPusher pusher, AdminClient client, PushOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var results = new PushAttempt[hosts.Count];
        async Task OneAsync(int index, Action done)
        {
            var attempt = await pusher.PushAsync(hosts[index], cancellation).ConfigureAwait(false);
            await client.SendAsync(HttpMethod.Post, Routes.PushAudit, attempt, ProtocolJson.Default.PushAttempt, cancellation).ConfigureAwait(false);
            results[index] = attempt;
            done();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellation };
        if (terminal.Interactive && !options.Admin.Json)
        {
            await terminal.ProgressConsole().Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"pushing to {hosts.Count} host(s)", maxValue: hosts.Count);
                    await Parallel.ForAsync(0, hosts.Count, parallel, async (i, _) => await OneAsync(i, () => task.Increment(1)).ConfigureAwait(false)).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            await Parallel.ForAsync(0, hosts.Count, parallel, async (i, _) => await OneAsync(i, () => { }).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return results;
    }

    private static void Write(Terminal terminal, bool json, IReadOnlyList<PushAttempt> results, string statePath)
    {
        if (json)
        {
            terminal.Out.WriteLine(JsonSerializer.Serialize(results, PushJson.Default.IReadOnlyListPushAttempt));
            return;
        }

        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Host", "Result", "Version", "Detail");
        foreach (var result in results)
        {
            table.AddRow(Markup.Escape(result.Host!), Markup.Escape(result.Result!), Markup.Escape(result.Version ?? Formats.None), Markup.Escape(result.Detail ?? ""));
        }

        terminal.Rich().Write(table);
        var failed = results.Count(r => PushResults.IsFailure(r.Result!));
        terminal.Out.WriteLine(string.Join("; ", PushResults.All.Select(w => (Word: w, Count: results.Count(r => r.Result == w))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Word}"))
            + (failed > 0 ? $". 'steward push --retry-failed --logon-point ...' tries the {failed} failed host(s) again (kept in {statePath})." : "."));
    }
}
