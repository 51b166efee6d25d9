using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Rollouts;
using Steward.Server.Security;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Logons;

/// <summary>
/// A logon point's answer (docs/RULES.md R1, R2): reads the facts, asks <see cref="Decide"/>, records the decision
/// and only then answers. A new computer that <see cref="EnrollmentRule"/> enrolls receives its id and secret.
/// </summary>
internal sealed class LogonService(
    IStewardStore store, SiteTables tables, DecisionRecorder recorder, PackageOffers offers, SigningKeys keys, LiveRollouts rollouts, RefusalLimiter refusals, TimeProvider time)
{
    // What an unknown logon point's secret is checked against: the hash of a secret nobody knows.
    private static readonly string UnknownPointHash = Secrets.Hash(Secrets.New(""));

    /// <summary>The answer to a checked logon request.</summary>
    public async Task<LogonResult> LogonAsync(LogonInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        // An unknown logon point and a wrong secret get the same answer after the same work (the secret is
        // hashed either way), so that the answer does not tell which logon point names exist.
        var point = await store.FindLogonPointAsync(input.Point, cancellationToken).ConfigureAwait(false);
        if (!Secrets.Matches(input.EnrollmentSecret, point?.SecretHash ?? UnknownPointHash) || point is null)
        {
            return LogonResult.UnknownPointOrSecret.Instance;
        }

        return await RetryOnChange.RunAsync(_ => AttemptAsync(input, point, cancellationToken), LogonResult.ClientKeptChanging.Instance).ConfigureAwait(false);
    }

    // One read-decide-write; null when the client changed meanwhile.
    private async Task<LogonResult?> AttemptAsync(LogonInput input, LogonPointRow point, CancellationToken cancellationToken)
    {
        ClientRow? client = null;
        if (input.Client is { } credentials)
        {
            client = await ClientCredentials.AuthenticateAsync(store, credentials.Id, credentials.Secret, cancellationToken).ConfigureAwait(false);
            if (client is null)
            {
                return LogonResult.UnknownClient.Instance;
            }
        }

        var codes = point.Sites.Union(client?.Sites ?? ValueList.Empty, StringComparer.Ordinal).ToList();
        var table = tables.Build(await store.FindSitesAsync(codes, cancellationToken).ConfigureAwait(false));
        var sitesBefore = SiteTables.Indices(table, client?.Sites ?? ValueList.Empty);

        // With active rollouts, the sites serve what they serve this computer now; its key is its client id, the one
        // it gets if this logon enrolls it.
        var newId = Guid.CreateVersion7().ToString();
        var moment = await rollouts.ReadAsync(cancellationToken).ConfigureAwait(false);
        var serving = new Gates(moment.For(table), client?.Id ?? newId, moment.Now);
        var decision = DecideNow(input.Trigger, table, point, input.Installed, sitesBefore, input.Addresses, serving);
        var reason = decision.Reason.Render(table);
        var ring = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (key, known) = ring.For(input.PinnedKey, client?.PinnedKey);
        var enrollment = EnrollmentRule.For(enrolled: client is not null, runsAgent: input.Installed is not null, decision.Outcome).Enroll
            ? new Enrollment(newId, Secrets.New("stw_client_"))
            : null;

        PackageOffer? package = null;
        if (decision.Outcome is Outcome.Installed or Outcome.HotfixApplied)
        {
            var offerFor = new OfferFor(key, enrollment?.ClientId ?? client?.Id ?? "", input.Nonce, input.InstalledText,
                decision.Outcome == Outcome.Installed ? "install" : "hotfix");
            package = await offers.ForAsync(decision.VersionAfter!.Value, offerFor, cancellationToken).ConfigureAwait(false);
            if (package is null)
            {
                return new LogonResult.NoPackage(decision.VersionAfter.Value);
            }
        }

        var before = enrollment is not null ? NewClient(enrollment, input) with { PinnedKey = key.Number } : client;
        var after = before is null ? null : before with
        {
            Name = input.Computer,
            Installed = decision.VersionAfter,
            Sites = new ValueList(table.Codes(decision.SitesAfter)),
            Addresses = AgentInput.Canonical(input.Addresses),
            PinnedKey = known && input.PinnedKey is not null ? key.Number : before.PinnedKey,
        };

        // Only a computer that is refused and stays unenrolled counts against its source's limit.
        if (after is null && refusals.Refuse(input.Source) is { } wait)
        {
            return new LogonResult.TooManyRefusals(wait, RefusalLimiter.Partition(input.Source));
        }

        var context = new DecisionContext(input.Trigger, point.Name, input.Computer);
        if (await recorder.RecordAsync(context, decision, table, sitesBefore, reason, client, after, attempt: null, cancellationToken).ConfigureAwait(false) == Recorded.Stale)
        {
            return null;
        }

        if (client is not null && after is not null && after.PinnedKey != client.PinnedKey)
        {
            await keys.RetireIfUnpinnedAsync(client.PinnedKey, cancellationToken).ConfigureAwait(false);
        }

        // The answer names the key its offer is signed with, and a newer one endorsed by it for an agent that said which key it pins.
        var newKey = known && input.PinnedKey is not null ? ring.EndorsementFor(key) : null;
        var sites = table.Codes(decision.SitesAfter);
        return new LogonResult.Decided(new LogonResponse(
            decision.Outcome.ToString(), reason, decision.VersionAfter?.ToString(), sites, package, enrollment, key.PublicKey, AccessPoints.For(sites, input.Origin), newKey));
    }

    private static Decision DecideNow(
        Trigger trigger, SiteTable table, LogonPointRow point, AgentVersion? installed, SiteSet sitesBefore, NetworkAddress[] addresses, Gates gates)
    {
        var participating = SiteTables.Indices(table, point.Sites);
        var senior = point.Senior is null ? -1 : table.IndexOf(SiteCode.ParseExact(point.Senior));
        var logonPoint = new LogonPoint(point.Name, participating, senior);
        var facts = new ClientFacts(installed, sitesBefore, addresses);
        if (gates.Served is not { } served)
        {
            return trigger == Trigger.ManualInstall ? Decide.ManualInstall(table, logonPoint, facts) : Decide.Logon(table, logonPoint, facts);
        }

        var serving = served.ServingFor(gates.ClientKey, gates.Now);
        return trigger == Trigger.ManualInstall ? Decide.ManualInstall(table, logonPoint, facts, serving) : Decide.Logon(table, logonPoint, facts, serving);
    }

    // The rollouts of the decision's sites (null: none), and the computer's key and the time they are asked at.
    private sealed record Gates(ServedRollouts? Served, string ClientKey, long Now);

    private ClientRow NewClient(Enrollment enrollment, LogonInput input) => new()
    {
        Id = enrollment.ClientId,
        Name = input.Computer,
        SecretHash = Secrets.Hash(enrollment.ClientSecret),
        Addresses = AgentInput.Canonical(input.Addresses),
        EnrolledAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
    };
}
