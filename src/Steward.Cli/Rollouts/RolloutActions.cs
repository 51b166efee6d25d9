using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Rollouts;

/// <summary>The rollout verbs: one request each, the answer printed for people or as the server's JSON.</summary>
internal static class RolloutActions
{
    /// <summary><c>steward rollout start</c>.</summary>
    public static Task<int> StartAsync(RolloutStartOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        if (options.DryRun)
        {
            return RolloutDryRun.RunAsync(options, terminal, environment, cancellationToken);
        }

        var request = new RolloutStartRequest(options.Site, options.Version, options.Id, options.Pilot.Count == 0 ? null : options.Pilot, options.Window, options.HaltFailures, options.HaltRate);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Post, Routes.Rollouts, request, ProtocolJson.Default.RolloutStartRequest, ProtocolJson.Default.RolloutView, cancellationToken),
            rollout =>
            {
                terminal.Out.WriteLine($"{rollout.Reason} Its id is {rollout.Id}.");
                foreach (var warning in rollout.Warnings ?? [])
                {
                    terminal.Error.WriteLine($"warning: {warning}");
                }
            });
    }

    /// <summary><c>steward rollout list</c>.</summary>
    public static Task<int> ListAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(
            admin, terminal, environment, Routes.Rollouts, ProtocolJson.Default.IReadOnlyListRolloutView, "No rollouts yet; start one with 'steward rollout start'.", RolloutTables.List, cancellationToken);

    /// <summary><c>steward rollout show</c>.</summary>
    public static Task<int> ShowAsync(RolloutOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.GetAsync(Routes.Rollout(options.Id), ProtocolJson.Default.RolloutView, cancellationToken),
            rollout => RolloutTables.Show(rollout, terminal.Out));
    }

    /// <summary><c>steward rollout rollback ID [--reason TEXT]</c>: prints what it did and the downgrade order it left.</summary>
    public static Task<int> RollbackAsync(RolloutOptions options, string? reason, Terminal terminal, CliEnvironment environment, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Post, Routes.RolloutVerb(options.Id, "rollback"), new RollbackRequest(reason), ProtocolJson.Default.RollbackRequest, ProtocolJson.Default.RolloutView, cancellation),
            rollout =>
            {
                terminal.Out.WriteLine(rollout.Reason);
                if (rollout.Order is { } order)
                {
                    terminal.Out.WriteLine($"Downgrade order {order.Id}: {order.Site} from {order.From} to {order.To}.");
                }
            });
    }

    /// <summary><c>steward rollout promote|halt|resume|abort</c>: prints what it did, in the server's words.</summary>
    public static Task<int> VerbAsync(RolloutOptions options, string verb, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.PostAsync(Routes.RolloutVerb(options.Id, verb), ProtocolJson.Default.RolloutView, cancellationToken),
            rollout => terminal.Out.WriteLine(rollout.Reason));
    }
}
