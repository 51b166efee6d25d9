using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>
/// An access point's answer to a maintenance cycle (SPEC R3), and the reports agents send after carrying
/// out a decision. The client is the one its credentials name; it can read and change nothing else.
/// </summary>
internal sealed class MaintenanceService(IStewardStore store, SiteTables tables, DecisionRecorder recorder, PackageOffers offers, CycleMemos memos, TimeProvider time)
{
    private const int Attempts = 5;

    public async Task<IResult> CycleAsync(string siteCode, HttpRequest http, CycleRequest request, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Most cycles repeat the client's last decision from the very same inputs: answered as kept, once
        // the client is authenticated against the row read now.
        // The facts read here, their client's secret verified, serve the full path's first attempt too.
        var read = SiteCode.Parse(siteCode);
        CycleFacts? verified = null;
        if (read.Success && request.LastUpgrade is null && ClientCredentials.Parse(http) is { } caller && caller.Id.Length <= ClientCredentials.MaxIdLength)
        {
            var facts = await store.ReadCycleFactsAsync(caller.Id, read.Value.ToString(), cancellationToken).ConfigureAwait(false);
            if (facts.Client is { } known && Secrets.Matches(caller.Secret, known.SecretHash))
            {
                verified = facts;
                if (facts.SiteExists && memos.Find(known, read.Value, facts.Sites, request, origin) is { } kept)
                {
                    recorder.Repeated(known, kept.Outcome);
                    return kept.Answer;
                }
            }
        }

        return await DecideAsync(siteCode, http, request, origin, verified, cancellationToken).ConfigureAwait(false);
    }

    // `verified`: facts already read for these credentials, with the secret checked against their client.
    private async Task<IResult> DecideAsync(string siteCode, HttpRequest http, CycleRequest request, string origin, CycleFacts? verified, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var addresses = AgentInput.Addresses(request.Addresses, errors);
        var installed = AgentInput.Version(request.Installed, "installed", errors);
        var report = CheckReport(request.LastUpgrade, "lastUpgrade", errors);
        var code = AccessPoints.Site(siteCode, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (ClientCredentials.Parse(http) is not { } credentials)
        {
            return Problems.Unauthorized(ClientCredentials.Refusal);
        }

        var via = code!.Value.ToString();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var reused = attempt == 0 && verified is not null;
            var facts = reused
                ? verified!
                : credentials.Id.Length <= ClientCredentials.MaxIdLength
                    ? await store.ReadCycleFactsAsync(credentials.Id, via, cancellationToken).ConfigureAwait(false)
                    : new CycleFacts(null, false, []);
            if (facts.Client is not { } client || (!reused && !Secrets.Matches(credentials.Secret, client.SecretHash)))
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
            var running = installed ?? (client.Installed is { } recorded ? AgentVersion.ParseExact(recorded) : (AgentVersion?)null);
            var (decision, reason) = DecideNow(table, running, sitesBefore, addresses, client.Travel != 0);
            PackageOffer? package = null;
            if (decision.Outcome == Outcome.Upgraded)
            {
                package = await offers.ForAsync(decision.VersionAfter!.Value, cancellationToken).ConfigureAwait(false);
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
            };
            var context = new DecisionContext(Trigger.Maintenance, via, client.Name);
            var recording = await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, cancellationToken).ConfigureAwait(false);
            if (recording == Recorded.Stale)
            {
                continue;
            }

            var sites = table.Codes(decision.SitesAfter);
            var response = new CycleResponse(
                decision.Outcome.ToString(), Words.Kind(decision.Kind), reason, decision.VersionAfter?.ToString(), sites, package, AccessPoints.For(sites, origin));
            if (recording == Recorded.Repeat)
            {
                memos.Keep(client, code.Value, facts.Sites, request, origin, decision.Outcome, response);
            }

            return new JsonAnswer<CycleResponse>(response, ProtocolJson.Default.CycleResponse);
        }

        return Problems.Conflict($"the client's record kept changing during {Attempts} attempts; try again");
    }

    /// <summary>
    /// Records what the agent reports of carrying out a decision; the installed version follows what it runs.
    /// The site in the path is checked as the cycle checks it: an access point of no site takes no report.
    /// </summary>
    public async Task<IResult> ReportAsync(string siteCode, HttpRequest http, UpgradeReport request, CancellationToken cancellationToken)
    {
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
            var client = await ClientCredentials.AuthenticateAsync(store, http, cancellationToken).ConfigureAwait(false);
            if (client is null)
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

        var version = AgentVersion.Parse(report.Version ?? "");
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
