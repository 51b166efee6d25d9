using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;
using Steward.Server.Decisions;
using Steward.Server.Rollouts;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// An access point's decision of a maintenance cycle (docs/RULES.md R3): from the facts the authentication read (or,
/// after a concurrent change, read again), <c>Decide.Maintenance</c> decides; the decision is
/// recorded, and only then answered. The client is the one its credentials name; it can read and change
/// nothing else.
/// </summary>
/// <remarks>
/// With active rollouts (docs/RULES.md section 4) it decides with the versions the sites serve to this client now. An
/// <c>Upgraded</c> answer that counts toward a rollout opens an attempt, written with the decision; its id travels
/// in the offer, and until the agent reports success the client's row keeps its version and sites as they were
/// after the boundary check (the success report applies the rest).
/// </remarks>
internal sealed class CycleDecider(
    IStewardStore store, SiteTableBuilder tables, DecisionRecorder recorder, PackageOffers offers, SigningKeys keys, LiveRollouts rollouts, UpgradeReports reports, TimeProvider time)
    : ICycleDecider
{
    public async ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, RolloutMoment? moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var via = input.Via.ToString();

        // A report of an attempt that came with the cycle is counted first, once; one the server has counted
        // already (the answer to the report was lost) or does not know counts nowhere, and the cycle goes on.
        var counted = input.LastUpgrade is { Attempt: not null } report
            && await reports.CountAsync(caller.Client.Id, report, cancellationToken).ConfigureAwait(false);
        return await RetryOnChange.RunAsync(
            async attempt =>
            {
                // The first attempt decides from what was read for this request (the facts with the secret, the rollouts
                // by the kept answers' look-up), unless a report just changed them; every retry reads both again.
                var first = attempt == 0 && !counted;
                var facts = first && caller.Facts is { } authenticated
                    ? authenticated
                    : await store.ReadCycleFactsAsync(caller.Client.Id, via, cancellationToken).ConfigureAwait(false);
                var live = first && moment is not null ? moment : await rollouts.ReadAsync(cancellationToken).ConfigureAwait(false);
                return await AttemptAsync(caller, input, via, facts, live, cancellationToken).ConfigureAwait(false);
            },
            CycleResult.ClientKeptChanging.Instance).ConfigureAwait(false);
    }

    // One read-decide-write; null when the client changed meanwhile (or the agent's travel change was just recorded).
    private async Task<CycleResult?> AttemptAsync(
        AuthenticatedClient caller, CycleInput input, string via, CycleFacts facts, RolloutMoment moment, CancellationToken cancellationToken)
    {
        if (facts.Client is not { } client || !caller.SameSecret(client))
        {
            return CycleResult.Unauthenticated.Instance;
        }

        if (!facts.SiteExists)
        {
            return new CycleResult.NoSuchSite(via);
        }

        if (input.Travel is { } wanted && wanted != client.Travel)
        {
            // The agent's change of travel mode, recorded on its own (the latest change wins, decision
            // 0014); then the cycle decides with it, from facts read again.
            await recorder.RecordTravelAsync(client, wanted, TravelChange.ByAgent, via, seen: true, audit: null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // The facts hold exactly the client's assigned sites (those that still exist): the whole table.
        var table = tables.Build(facts.Sites);
        var sitesBefore = table.All;

        // The agent knows what it runs; the record follows it.
        var running = input.Installed ?? client.Installed;
        var served = moment.For(table);
        var decision = DecideFor(table, new ClientFacts(running, sitesBefore, input.Addresses, client.Travel), served, client.Id, moment.Now);
        var reason = decision.Reason.Render(table);
        var ring = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (key, known) = ring.For(input.PinnedKey, client.PinnedKey);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        PackageOffer? package = null;
        AttemptOpening? opening = null;
        var recorded = decision;
        if (decision.Outcome is Outcome.Upgraded or Outcome.Downgraded)
        {
            // A downgrade comes only under a site's standing order: its offer is signed for the order and exactly this
            // pair of versions (decision 0023), and its attempt counts toward no rollout.
            var target = decision.VersionAfter!.Value;
            var order = decision.Outcome == Outcome.Downgraded ? served!.OrderOf(table[decision.Reason.RolloutSite].Code)! : null;
            var signed = order is null ? null : new SignedOrder(order.Id, order.Site, order.FromVersion, target.ToString());
            var offerFor = new OfferFor(key, client.Id, input.Nonce, input.InstalledText, Words.Kind(decision.Kind) ?? "significant", signed);
            package = await offers.ForAsync(target, offerFor, cancellationToken).ConfigureAwait(false);
            if (package is null)
            {
                return new CycleResult.NoPackage(target);
            }

            // Under an order, or an upgrade toward a rollout of a site it keeps, the row stays as after the boundary check
            // until the agent reports success; other upgrades are recorded at once.
            var pending = Decide.Pending(decision);
            if (order is not null || (served is not null && !served.Plan.CountedOn(pending.SitesAfter, target).IsEmpty))
            {
                opening = new AttemptOpening(client.Id, running?.ToString(), target.ToString(), order is null ? table.Codes(pending.SitesAfter) : [], nowMs)
                {
                    Id = SqlStore.NewAttemptId(nowMs),
                    Drops = table.Codes(decision.Reason.DroppedIncompatible),
                    DowngradeOrder = order?.Id,
                };
                package = package with { Attempt = opening.Id };
                recorded = pending;
            }
        }

        var reported = input.LastUpgrade is { } report ? report.ApplyTo(client, nowMs) : client;
        var after = reported with
        {
            Installed = recorded.VersionAfter,
            Sites = new ValueList(table.Codes(recorded.SitesAfter)),
            Addresses = AgentInput.Canonical(input.Addresses),
            PinnedKey = known && input.PinnedKey is not null ? key.Number : client.PinnedKey,
        };
        var context = new DecisionContext(Trigger.Maintenance, via, client.Name);
        var recording = await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, opening, cancellationToken).ConfigureAwait(false);
        if (recording == Recorded.Stale)
        {
            return null;
        }

        if (after.PinnedKey != client.PinnedKey)
        {
            await keys.RetireIfUnpinnedAsync(client.PinnedKey, cancellationToken).ConfigureAwait(false);
        }

        // A newer key goes to an agent that says which key it pins, endorsed by that key.
        var newKey = known && input.PinnedKey is not null ? ring.EndorsementFor(key) : null;
        var sites = table.Codes(decision.SitesAfter);
        var response = new CycleResponse(
            decision.Outcome.ToString(), Words.Kind(decision.Kind), reason, decision.VersionAfter?.ToString(), sites, package, AccessPoints.For(sites, input.Origin), newKey);
        return new CycleResult.Decided(response, decision.Outcome, facts, ring.Active.Number, recording == Recorded.Repeat) { Rollouts = moment };
    }

    // Section 3's rules alone when none of the client's sites has an active rollout; otherwise with what they serve it now.
    private static Decision DecideFor(SiteTable table, in ClientFacts facts, ServedRollouts? served, string clientId, long now) =>
        served is null
            ? Decide.Maintenance(table, facts)
            : Decide.Maintenance(table, facts, served.ServingFor(clientId, now));
}
