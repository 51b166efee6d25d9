using Steward.Agent.Cli;
using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Agent.Update;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;

namespace Steward.Agent.Flows;

/// <summary>
/// Logon bootstrap and manual install (docs/RULES.md R1, R2): present the computer at a logon point and carry out
/// its decision. A package is installed only for <c>Installed</c> and <c>HotfixApplied</c>; for
/// <c>DeferredToMaintenance</c> nothing is copied, and the result says that the maintenance cycle brings it.
/// </summary>
internal static class LogonFlow
{
    /// <summary>Runs one logon and returns the exit code.</summary>
    public static async Task<int> RunAsync(AgentContext context, LogonOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; nothing was done. Try again when it has finished.");
            return ExitCodes.Busy;
        }

        var load = session.LoadState();
        if (!load.Ok && !load.Missing)
        {
            context.Console.Problem(load.Problem!);
            return ExitCodes.StateProblem;
        }

        var state = load.State with { Ca = options.Ca ?? load.State.Ca };
        session.Connection.Trust.Use(state.Ca);
        var before = session.Pointer.Read();
        var name = options.ComputerName ?? state.ComputerName ?? Environment.MachineName;
        var addresses = LocalAddresses.Get(options.Addresses.Count > 0 ? options.Addresses : state.Addresses);
        if (options.Trigger == "install")
        {
            context.Console.Progress($"contacting the logon point {options.LogonPoint} as {name} ({string.Join(", ", addresses)})");
        }

        var nonce = Nonce.New();
        LogonResponse response;
        try
        {
            response = await session.Connection.PostAsync(
                options.LogonPoint,
                new LogonRequest(options.Secret, options.Trigger, name, addresses, state.ClientId, state.ClientSecret, before, nonce, KeyFingerprint.Of(state.ServerKey ?? options.ServerKey)),
                ProtocolJson.Default.LogonRequest,
                ProtocolJson.Default.LogonResponse,
                null,
                cancellationToken).ConfigureAwait(false);
        }
        catch (AgentException e)
        {
            var failed = new ResultDocument(options.Trigger, Outcomes.Failed, null, e.Message, before, before, state.Sites, null);
            if (load.Ok)
            {
                session.Store.Save(state.WithResult(new AgentResult(context.Time.GetUtcNow(), options.Trigger, Outcomes.Failed, e.Message, before)));
            }

            ResultPrinter.Print(context.Console, failed, options.Json);
            return ExitCodes.Failed;
        }

        // The key is pinned at enrollment (or from --server-key); a different key later is refused, and a newer
        // one adopted only endorsed by the pinned one.
        var pinned = state.ServerKey ?? options.ServerKey ?? response.ServerKey;
        var credentials = response.Enrollment is { } enrolled ? new ClientCredentials(enrolled.ClientId, enrolled.ClientSecret)
            : state.Enrolled ? new ClientCredentials(state.ClientId!, state.ClientSecret!) : null;
        state = state with
        {
            ComputerName = name,
            LogonPoint = options.LogonPoint.ToString(),
            ClientId = credentials?.ClientId,
            ClientSecret = credentials?.ClientSecret,
            ServerKey = pinned,
            Sites = response.Sites,
            AccessPoints = response.AccessPoints,
            Addresses = options.Addresses.Count > 0 ? options.Addresses : state.Addresses,
        };

        // The credentials are written before anything is installed: an install cut short must not lose the enrollment.
        session.Store.Save(state);
        UpdateResult? update = null;
        if (response.Package is { } package && response.Outcome is Outcomes.Installed or Outcomes.HotfixApplied)
        {
            update = response.ServerKey != pinned
                ? new UpdateResult(package.Version, false, "The logon point's server key is not the key pinned at enrollment; its package is refused and the installed agent is untouched.", before, false)
                : await session.Updater.ApplyAsync(package, options.LogonPoint, pinned, new OfferRequest(credentials?.ClientId ?? "", nonce, before), credentials, cancellationToken).ConfigureAwait(false);
            state = await Reports.SendAsync(session, state, credentials, new UpgradeReport(update.Version, update.Succeeded, update.Message, update.Running), cancellationToken).ConfigureAwait(false);
        }

        state = KeyAdoption.Adopt(session, state, response.NewKey);
        var after = session.Pointer.Read();
        var outcome = update is { Succeeded: false } ? Outcomes.Failed : response.Outcome;
        var reason = response.Outcome == Outcomes.DeferredToMaintenance
            ? $"Nothing was copied or run: {response.Reason}"
            : response.Reason;
        state = state with { Installed = after };
        state = state.WithResult(new AgentResult(context.Time.GetUtcNow(), options.Trigger, outcome, update is { Succeeded: false } ? update.Message : reason, after));
        session.Store.Save(state);
        var document = new ResultDocument(options.Trigger, response.Outcome, null, reason, before, after, response.Sites,
            update is null ? null : new UpdateDocument(update.Version, update.Succeeded, update.Message));
        ResultPrinter.Print(context.Console, document, options.Json);
        return update is { Succeeded: false } ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
