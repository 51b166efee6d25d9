using Steward.Policy.Decisions;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// An access point's decision of a maintenance cycle (docs/RULES.md R3): from the facts the authentication read (or,
/// after a concurrent change, read again), <c>Decide.Maintenance</c> decides; the decision is
/// recorded, and only then answered. The client is the one its credentials name; it can read and change
/// nothing else.
/// </summary>
internal sealed class CycleDecider(IStewardStore store, SiteTableBuilder tables, DecisionRecorder recorder, PackageOffers offers, SigningKeys keys, TimeProvider time)
    : ICycleDecider
{
    public async ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var via = input.Via.ToString();
        return await RetryOnChange.RunAsync(
            async attempt =>
            {
                var facts = attempt == 0 && caller.Facts is { } authenticated
                    ? authenticated
                    : await store.ReadCycleFactsAsync(caller.Client.Id, via, cancellationToken).ConfigureAwait(false);
                return await AttemptAsync(caller, input, via, facts, cancellationToken).ConfigureAwait(false);
            },
            CycleResult.ClientKeptChanging.Instance).ConfigureAwait(false);
    }

    // One read-decide-write; null when the client changed meanwhile (or the agent's travel change was just recorded).
    private async Task<CycleResult?> AttemptAsync(AuthenticatedClient caller, CycleInput input, string via, CycleFacts facts, CancellationToken cancellationToken)
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
        var decision = Decide.Maintenance(table, new ClientFacts(running, sitesBefore, input.Addresses, client.Travel));
        var reason = decision.Reason.Render(table);
        var ring = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (key, known) = ring.For(input.PinnedKey, client.PinnedKey);
        PackageOffer? package = null;
        if (decision.Outcome == Outcome.Upgraded)
        {
            var offerFor = new OfferFor(key, client.Id, input.Nonce, input.InstalledText, Words.Kind(decision.Kind) ?? "significant");
            package = await offers.ForAsync(decision.VersionAfter!.Value, offerFor, cancellationToken).ConfigureAwait(false);
            if (package is null)
            {
                return new CycleResult.NoPackage(decision.VersionAfter.Value);
            }
        }

        var reported = input.LastUpgrade is { } report ? report.ApplyTo(client, time.GetUtcNow().ToUnixTimeMilliseconds()) : client;
        var after = reported with
        {
            Installed = decision.VersionAfter,
            Sites = new ValueList(table.Codes(decision.SitesAfter)),
            Addresses = AgentInput.Canonical(input.Addresses),
            PinnedKey = known && input.PinnedKey is not null ? key.Number : client.PinnedKey,
        };
        var context = new DecisionContext(Trigger.Maintenance, via, client.Name);
        var recording = await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, cancellationToken).ConfigureAwait(false);
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
        return new CycleResult.Decided(response, decision.Outcome, facts, ring.Active.Number, recording == Recorded.Repeat);
    }
}
