using Steward.Agent.Cli;
using Steward.Agent.Net;
using Steward.Agent.State;
using Steward.Agent.Update;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;

namespace Steward.Agent.Flows;

/// <summary>
/// One maintenance cycle (docs/RULES.md R3): at the access point of each assigned site in turn, report the
/// computer's addresses, version, sites and its last unreported upgrade, and carry out the answer. The
/// first answer normally decides; the others are the heartbeats of the remaining sites.
/// </summary>
internal static class CycleFlow
{
    /// <summary>The most access points asked in one cycle.</summary>
    public const int MaxSites = 16;

    /// <summary>
    /// Runs one cycle; returns its exit code, whether it switched the installed version, and whether an upgrade it
    /// was offered failed (the service then waits for its next regular cycle: a failed upgrade is not a network
    /// failure to retry in a minute, and each retry would count one more failure toward a rollout's halt rule).
    /// </summary>
    public static async Task<(int ExitCode, bool Switched, bool UpgradeFailed)> RunAsync(AgentContext context, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; this cycle is skipped.");
            return (ExitCodes.Busy, false, false);
        }

        var load = session.LoadState();
        if (!load.Ok)
        {
            context.Console.Problem(load.Problem!);
            return (ExitCodes.StateProblem, false, false);
        }

        var state = load.State;
        if (!state.Enrolled)
        {
            context.Console.Problem($"This computer has no client id in {session.Store.Layout.StateFile}; run 'steward-agent logon' to enroll it first.");
            return (ExitCodes.StateProblem, false, false);
        }

        var credentials = new ClientCredentials(state.ClientId!, state.ClientSecret!);
        var before = session.Pointer.Read();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var documents = new List<ResultDocument>();
        var exit = ExitCodes.Ok;
        var upgradeFailed = false;
        while (visited.Count < MaxSites
            && state.Sites.Order(StringComparer.Ordinal).FirstOrDefault(s => !visited.Contains(s) && state.AccessPoints.ContainsKey(s)) is { } site)
        {
            visited.Add(site);
            var accessPoint = new Uri(state.AccessPoints[site].TrimEnd('/') + Routes.CycleLeaf);
            var installed = session.Pointer.Read();
            var sent = new OfferRequest(state.ClientId!, Nonce.New(), installed);
            CycleResponse response;
            try
            {
                response = await session.Connection.PostAsync(
                    accessPoint,
                    new CycleRequest(LocalAddresses.Get(state.Addresses), installed, state.Sites, state.PendingReport, state.PendingTravel, sent.Nonce, KeyFingerprint.Of(state.ServerKey))
                    {
                        Health = state.PendingHealth,
                    },
                    ProtocolJson.Default.CycleRequest,
                    ProtocolJson.Default.CycleResponse,
                    credentials,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AgentException e)
            {
                state = state.WithResult(new AgentResult(context.Time.GetUtcNow(), "cycle", Outcomes.Failed, e.Message, installed));
                documents.Add(new ResultDocument("cycle", Outcomes.Failed, null, e.Message, installed, installed, state.Sites, null));
                exit = ExitCodes.Failed;
                break;
            }

            // The server has the pending report and travel change and self-check now (they came with the request).
            state = state with { PendingReport = null, PendingTravel = null, PendingHealth = null };
            UpdateResult? update = null;
            if (response.Package is { } package && response.Outcome is Outcomes.Upgraded or Outcomes.Downgraded)
            {
                // The sites of the answer are those after the upgrade: the agent keeps its own until the new version runs,
                // as the server keeps its record until the report of success (docs/PROTOCOL.md).
                session.Store.Save(state);
                update = await session.Updater.ApplyAsync(package, accessPoint, state.ServerKey, sent, credentials, cancellationToken).ConfigureAwait(false);
                var report = new UpgradeReport(update.Version, update.Succeeded, update.Message, update.Running, package.Attempt);
                state = await Reports.SendAsync(session, state, credentials, report, cancellationToken).ConfigureAwait(false);
                if (update.Succeeded)
                {
                    state = WithSites(state, response);
                }
                else
                {
                    exit = ExitCodes.Failed;
                    upgradeFailed = true;
                }
            }
            else
            {
                state = WithSites(state, response);
            }

            // The offer was signed with the key this request named; a newer key is pinned only after it.
            state = KeyAdoption.Adopt(session, state, response.NewKey);
            var after = session.Pointer.Read();
            state = state.WithResult(new AgentResult(context.Time.GetUtcNow(), "cycle", update is { Succeeded: false } ? Outcomes.Failed : response.Outcome,
                update is { Succeeded: false } ? update.Message : response.Reason, after));
            documents.Add(new ResultDocument("cycle", response.Outcome, response.Kind, response.Reason, installed, after, response.Sites,
                update is null ? null : new UpdateDocument(update.Version, update.Succeeded, update.Message)));
        }

        if (documents.Count == 0)
        {
            var reason = "This agent is not assigned to any site, so there is no access point to ask; a logon point can assign it.";
            state = state.WithResult(new AgentResult(context.Time.GetUtcNow(), "cycle", Outcomes.NotAssigned, reason, before));
            documents.Add(new ResultDocument("cycle", Outcomes.NotAssigned, null, reason, before, before, state.Sites, null));
        }

        var now = session.Pointer.Read();
        state = state with { Installed = now, LastCycle = exit == ExitCodes.Ok ? context.Time.GetUtcNow() : state.LastCycle };
        session.Store.Save(state);
        foreach (var document in documents)
        {
            ResultPrinter.Print(context.Console, document, json);
        }

        return (exit, now != before, upgradeFailed);
    }

    private static AgentState WithSites(AgentState state, CycleResponse response) =>
        state with { Sites = response.Sites, AccessPoints = Merge(state.AccessPoints, response.AccessPoints, response.Sites) };

    // Access points of the sites still assigned: the server's newest word, with earlier ones for sites it did not list.
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> known, IReadOnlyDictionary<string, string>? fresh, IReadOnlyList<string> sites)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            if (fresh is not null && fresh.TryGetValue(site, out var url))
            {
                merged[site] = url;
            }
            else if (known.TryGetValue(site, out var old))
            {
                merged[site] = old;
            }
        }

        return merged;
    }
}
