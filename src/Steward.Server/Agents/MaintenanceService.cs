using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Security;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>
/// An access point's answer to a maintenance cycle (docs/RULES.md R3), and the reports agents send after carrying
/// out a decision. The client is the one its credentials name; it can read and change nothing else.
/// </summary>
internal sealed class MaintenanceService(
    IStewardStore store, SiteTables tables, DecisionRecorder recorder, PackageOffers offers, CycleMemos memos, SigningKeys keys, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<IResult> CycleAsync(string siteCode, AuthenticatedClient caller, CycleRequest request, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);

        // Most cycles repeat the client's last decision from the very same inputs: answered as kept. The
        // facts were read, and the client's secret verified against them, by the authentication; they
        // serve the full path's first attempt too.
        var read = SiteCode.Parse(siteCode);
        if (read.Success && request.LastUpgrade is null && caller.Facts is { SiteExists: true } facts
            && memos.Find(caller.Client, read.Value, facts.Sites, request, origin, (await keys.CurrentAsync(cancellationToken).ConfigureAwait(false)).Active.Number) is { } kept)
        {
            recorder.Repeated(caller.Client, kept.Outcome);
            return kept.Answer;
        }

        return await DecideAsync(siteCode, caller, request, origin, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IResult> DecideAsync(string siteCode, AuthenticatedClient caller, CycleRequest request, string origin, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var addresses = AgentInput.Addresses(request.Addresses, errors);
        var installed = AgentInput.Version(request.Installed, "installed", errors);
        var report = CheckReport(request.LastUpgrade, "lastUpgrade", errors);
        var code = AccessPoints.Site(siteCode, errors);
        AgentInput.Signing(request.Nonce, request.PinnedKey, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var via = code!.Value.ToString();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var facts = attempt == 0 && caller.Facts is { } authenticated
                ? authenticated
                : await store.ReadCycleFactsAsync(caller.Client.Id, via, cancellationToken).ConfigureAwait(false);
            if (facts.Client is not { } client || !caller.SameSecret(client))
            {
                return Problems.Unauthorized(ClientCredentials.Refusal);
            }

            if (!facts.SiteExists)
            {
                return AccessPoints.Missing(via);
            }

            if (request.Travel is { } wanted && wanted != (client.Travel != 0))
            {
                // The agent's change of travel mode, recorded on its own (the latest change wins, decision
                // 0014); then the cycle decides with it, from facts read again.
                await recorder.RecordTravelAsync(client, wanted, TravelChange.ByAgent, via, seen: true, audit: null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The facts hold exactly the client's assigned sites (those that still exist): the whole table.
            var table = tables.Build(facts.Sites);
            var sitesBefore = table.All;

            // The agent knows what it runs; the record follows it.
            var running = installed ?? (client.Installed is { } recorded ? AgentVersion.Parse(recorded) : (AgentVersion?)null);
            var (decision, reason) = DecideNow(table, running, sitesBefore, addresses, client.Travel != 0);
            var ring = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var (key, known) = ring.For(request.PinnedKey, client.PinnedKey);
            PackageOffer? package = null;
            if (decision.Outcome == Outcome.Upgraded)
            {
                var offerFor = new OfferFor(key, client.Id, request.Nonce, request.Installed, Words.Kind(decision.Kind) ?? "significant");
                package = await offers.ForAsync(decision.VersionAfter!.Value, offerFor, cancellationToken).ConfigureAwait(false);
                if (package is null)
                {
                    return Problems.Unavailable($"no package of version {decision.VersionAfter} is published, so the upgrade cannot be delivered now");
                }
            }

            var after = WithReport(client, report) with
            {
                Installed = decision.VersionAfter?.ToString(),
                Sites = SiteText.Join(table.Codes(decision.SitesAfter)),
                Addresses = AgentInput.Canonical(addresses),
                PinnedKey = known && request.PinnedKey is not null ? key.Number : client.PinnedKey,
            };
            var context = new DecisionContext(Trigger.Maintenance, via, client.Name);
            var recording = await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, cancellationToken).ConfigureAwait(false);
            if (recording == Recorded.Stale)
            {
                continue;
            }

            if (after.PinnedKey != client.PinnedKey)
            {
                await keys.RetireIfUnpinnedAsync(client.PinnedKey, cancellationToken).ConfigureAwait(false);
            }

            // A newer key goes to an agent that says which key it pins, endorsed by that key.
            var newKey = known && request.PinnedKey is not null ? ring.EndorsementFor(key) : null;
            var sites = table.Codes(decision.SitesAfter);
            var response = new CycleResponse(
                decision.Outcome.ToString(), Words.Kind(decision.Kind), reason, decision.VersionAfter?.ToString(), sites, package, AccessPoints.For(sites, origin), newKey);
            if (recording == Recorded.Repeat)
            {
                memos.Keep(client, code.Value, facts.Sites, request, origin, ring.Active.Number, decision.Outcome, response);
            }

            return new JsonAnswer<CycleResponse>(response, ProtocolJson.Default.CycleResponse);
        }

        return Problems.Conflict($"the client's record kept changing during {Attempts} attempts; try again");
    }

    /// <summary>
    /// Records what the agent reports of carrying out a decision; the installed version follows what it runs.
    /// The site in the path is checked as the cycle checks it: an access point of no site takes no report.
    /// </summary>
    public async Task<IResult> ReportAsync(string siteCode, AuthenticatedClient caller, UpgradeReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new FieldErrors();
        var report = CheckReport(request, null, errors);
        var code = AccessPoints.Site(siteCode, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var via = code!.Value.ToString();

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var client = attempt == 0 ? caller.Client : await store.FindClientAsync(caller.Client.Id, cancellationToken).ConfigureAwait(false);
            if (client is null || !caller.SameSecret(client))
            {
                return Problems.Unauthorized(ClientCredentials.Refusal);
            }

            if (await store.FindSiteAsync(via, cancellationToken).ConfigureAwait(false) is null)
            {
                return AccessPoints.Missing(via);
            }

            var after = WithReport(client, report) with { LastSeen = time.GetUtcNow().ToUnixTimeMilliseconds() };
            var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(null, after, IsNew: false, client.Revision), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return TypedResults.NoContent();
            }
        }

        return Problems.Conflict($"the client's record kept changing during {Attempts} attempts; try again");
    }

    private static (Decision Decision, string Reason) DecideNow(SiteTable table, AgentVersion? installed, SiteSet sites, NetworkAddress[] addresses, bool travel)
    {
        var decision = Decide.Maintenance(table, new ClientFacts(installed, sites, addresses, travel));
        return (decision, decision.Reason.Render(table));
    }

    // The report is the body itself (no prefix: "version") or a member of it ("lastUpgrade.version").
    private static (UpgradeReport Report, AgentVersion Version, AgentVersion? Running)? CheckReport(UpgradeReport? report, string? prefix, FieldErrors errors)
    {
        var field = prefix is null ? "" : prefix + ".";
        if (report is null)
        {
            return null;
        }

        var version = AgentVersion.TryParse(report.Version ?? "");
        if (!version.Success)
        {
            errors.Add($"{field}version", version.Error!);
            return null;
        }

        var running = AgentInput.Version(report.Running, $"{field}running", errors);
        return (report, version.Value, running);
    }

    private ClientRow WithReport(ClientRow client, (UpgradeReport Report, AgentVersion Version, AgentVersion? Running)? report) =>
        report is not { } r
            ? client
            : client with
            {
                UpgradeVersion = r.Version.ToString(),
                UpgradeSucceeded = r.Report.Succeeded ? 1 : 0,
                UpgradeMessage = (r.Report.Message ?? "").Length > 2000 ? r.Report.Message![..2000] : r.Report.Message ?? "",
                UpgradeAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
                Installed = r.Running?.ToString() ?? client.Installed,
            };
}
