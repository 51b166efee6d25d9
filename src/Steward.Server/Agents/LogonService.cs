using System.Net;
using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>
/// A logon point's answer (docs/RULES.md R1, R2): reads the facts, asks <see cref="Decide"/>, records the decision
/// and only then answers. A new computer that gets an agent is enrolled: it receives its id and secret.
/// </summary>
internal sealed class LogonService(
    IStewardStore store, SiteTables tables, DecisionRecorder recorder, PackageOffers offers, SigningKeys keys, RefusalLimiter refusals, TimeProvider time)
{
    private const int Attempts = 5;

    private const string UnknownPointOrSecret = "no logon point has this name and enrollment secret; check the logon script's address and secret";

    // What an unknown logon point's secret is checked against: the hash of a secret nobody knows.
    private static readonly string UnknownPointHash = Secrets.Hash(Secrets.New(""));

    /// <summary>The answer to <paramref name="request"/> at logon point <paramref name="pointName"/>, from <paramref name="source"/> (the limit on refusals counts per source).</summary>
    public async Task<IResult> LogonAsync(string pointName, LogonRequest request, string origin, IPAddress? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var trigger = request.Trigger switch
        {
            null or "logon" => Trigger.Logon,
            "install" => Trigger.ManualInstall,
            _ => (Trigger?)null,
        };
        if (trigger is null)
        {
            errors.Add("trigger", $"'{request.Trigger}' is not a trigger: use logon or install");
        }

        var computer = request.ComputerName?.Trim();
        if (string.IsNullOrEmpty(computer) || computer.Length > 255 || VisibleName.Problem(computer) is not null)
        {
            errors.Add("computerName", "required: the computer's name, 1 to 255 characters without control or format characters");
        }

        var addresses = AgentInput.Addresses(request.Addresses, errors);
        var installed = AgentInput.Version(request.Installed, "installed", errors);
        if ((request.ClientId is null) != (request.ClientSecret is null))
        {
            errors.Add("clientId", "clientId and clientSecret go together: send both (an enrolled agent) or neither (a new computer)");
        }

        AgentInput.Signing(request.Nonce, request.PinnedKey, errors);
        if (request.ClientId is not null && installed is null)
        {
            errors.Add("installed", "required with clientId: the version the agent runs");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        // An unknown logon point and a wrong secret get the same answer after the same work (the secret is
        // hashed either way), so that the answer does not tell which logon point names exist.
        var point = await store.FindLogonPointAsync(pointName, cancellationToken).ConfigureAwait(false);
        if (!Secrets.Matches(request.EnrollmentSecret ?? "", point?.SecretHash ?? UnknownPointHash) || point is null)
        {
            return Problems.Unauthorized(UnknownPointOrSecret);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            ClientRow? client = null;
            if (request.ClientId is { } id)
            {
                client = await ClientCredentials.AuthenticateAsync(store, id, request.ClientSecret!, cancellationToken).ConfigureAwait(false);
                if (client is null)
                {
                    return Problems.Unauthorized(ClientCredentials.Refusal);
                }
            }

            var codes = point.Sites.Union(SiteText.List(client?.Sites), StringComparer.Ordinal).ToList();
            var table = tables.Build(await store.FindSitesAsync(codes, cancellationToken).ConfigureAwait(false));
            var sitesBefore = SiteTables.Indices(table, SiteText.List(client?.Sites));
            var (decision, reason) = DecideNow(trigger!.Value, table, point, installed, sitesBefore, addresses);
            var ring = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var (key, known) = ring.For(request.PinnedKey, client?.PinnedKey);

            // A computer is enrolled when it gets an agent, or already runs one that this logon point manages.
            Enrollment? enrollment = null;
            var enroll = client is null && (decision.Outcome == Outcome.Installed || (installed is not null && decision.Outcome != Outcome.NotInBoundaries));
            ClientRow? after = null;
            if (enroll)
            {
                enrollment = new Enrollment(Guid.CreateVersion7().ToString(), Secrets.New("stw_client_"));
                after = NewClient(enrollment, computer!, addresses) with { PinnedKey = key.Number };
            }

            PackageOffer? package = null;
            if (decision.Outcome is Outcome.Installed or Outcome.HotfixApplied)
            {
                var offerFor = new OfferFor(key, enrollment?.ClientId ?? client?.Id ?? "", request.Nonce, request.Installed,
                    decision.Outcome == Outcome.Installed ? "install" : "hotfix");
                package = await offers.ForAsync(decision.VersionAfter!.Value, offerFor, cancellationToken).ConfigureAwait(false);
                if (package is null)
                {
                    return Problems.Unavailable($"no package of version {decision.VersionAfter} is published, so nothing can be installed now");
                }
            }

            if (after is not null || client is not null)
            {
                after = (after ?? client!) with
                {
                    Name = computer!,
                    Installed = decision.VersionAfter?.ToString(),
                    Sites = SiteText.Join(table.Codes(decision.SitesAfter)),
                    Addresses = AgentInput.Canonical(addresses),
                    PinnedKey = known && request.PinnedKey is not null ? key.Number : (after ?? client!).PinnedKey,
                };
            }

            // Only a computer that is refused and stays unenrolled counts against its source's limit.
            if (client is null && !enroll && refusals.Refuse(source) is { } wait)
            {
                return new TooManyRequests(wait, $"too many computers that are not enrolled were refused from {RefusalLimiter.Partition(source)} lately; this logon was not decided. "
                    + $"Try again in {Math.Ceiling(wait.TotalSeconds)} s (the limit is Steward:UnenrolledRefusalLimit per Steward:UnenrolledRefusalWindowSeconds)");
            }

            var context = new DecisionContext(trigger.Value, point.Name, computer!);
            if (await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, cancellationToken).ConfigureAwait(false) == Recorded.Stale)
            {
                continue;
            }

            if (client is not null && after is not null && after.PinnedKey != client.PinnedKey)
            {
                await keys.RetireIfUnpinnedAsync(client.PinnedKey, cancellationToken).ConfigureAwait(false);
            }

            // The answer names the key its offer is signed with, and a newer one endorsed by it for an agent that said which key it pins.
            var newKey = known && request.PinnedKey is not null ? ring.EndorsementFor(key) : null;
            var sites = table.Codes(decision.SitesAfter);
            return TypedResults.Ok(new LogonResponse(
                decision.Outcome.ToString(), reason, decision.VersionAfter?.ToString(), sites, package, enrollment, key.PublicKey, AccessPoints.For(sites, origin), newKey));
        }

        return Problems.Conflict($"the client's record kept changing during {Attempts} attempts; try again");
    }

    private static (Decision Decision, string Reason) DecideNow(
        Trigger trigger, SiteTable table, LogonPointRow point, AgentVersion? installed, SiteSet sitesBefore, NetworkAddress[] addresses)
    {
        var participating = SiteTables.Indices(table, point.Sites);
        var senior = point.Senior is null ? -1 : table.IndexOf(SiteCode.ParseExact(point.Senior));
        var logonPoint = new LogonPoint(point.Name, participating, senior);
        var facts = new ClientFacts(installed, sitesBefore, addresses);
        var decision = trigger == Trigger.ManualInstall ? Decide.ManualInstall(table, logonPoint, facts) : Decide.Logon(table, logonPoint, facts);
        return (decision, decision.Reason.Render(table));
    }

    private ClientRow NewClient(Enrollment enrollment, string computer, NetworkAddress[] addresses) => new()
    {
        Id = enrollment.ClientId,
        Name = computer,
        SecretHash = Secrets.Hash(enrollment.ClientSecret),
        Addresses = AgentInput.Canonical(addresses),
        EnrolledAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
    };
}
