using System.Buffers;
using System.IO.Hashing;
using System.Text;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Server.Heartbeats;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;
using Steward.Server.Telemetry;

namespace Steward.Server.Decisions;

/// <summary>
/// Records a decision and what it changed (docs/RULES.md R4, I5). A decision identical to the client's last one,
/// that changes nothing, is a repeat: it goes to the <see cref="HeartbeatQueue"/> as a count on the last
/// decision instead of a new row, so a fleet that is up to date writes nothing per cycle but its heartbeats.
/// Anything else is committed before the caller answers.
/// </summary>
internal sealed class DecisionRecorder(IStewardStore store, HeartbeatQueue heartbeats, StewardMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// Writes the decision; <paramref name="before"/> is the client row it was decided on (null for a computer
    /// that is not enrolled), <paramref name="after"/> the row to store (null: record the decision alone).
    /// Returns <see cref="Recorded.Stale"/> when the client changed meanwhile: decide again from fresh facts.
    /// <paramref name="attempt"/>, when not null, is opened in the decision's transaction: a decision whose offer
    /// opens an attempt is never a repeat, since the offer names a new attempt.
    /// </summary>
    public async Task<Recorded> RecordAsync(
        DecisionContext context, Decision decision, SiteTable table, SiteSet sitesBefore, string reason, ClientRow? before, ClientRow? after, AttemptOpening? attempt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new DecisionRow
        {
            Client = after?.Id,
            Computer = context.Computer,
            At = now,
            LastAt = now,
            Cause = Words.Trigger(context.Trigger),
            Via = context.Via,
            Outcome = decision.Outcome.ToString(),
            Kind = Words.Kind(decision.Kind),
            VersionBefore = decision.Reason.Installed?.ToString(),
            VersionAfter = decision.VersionAfter?.ToString(),
            SitesBefore = new ValueList(table.Codes(sitesBefore)),
            SitesAfter = new ValueList(table.Codes(decision.SitesAfter)),
            Reason = reason,
        };
        metrics.Decided(context.Trigger, decision.Outcome);
        var key = Key(row);
        if (after is not null)
        {
            after = after with { LastOutcome = row.Outcome, LastDecisionKey = key, LastSeen = now };
        }

        if (attempt is null && before is not null && after is not null && before.LastDecisionKey == key && before with { LastSeen = now } == after)
        {
            NoteRepeat(before, now);
            return Recorded.Repeat;
        }

        // A computer that is not enrolled and is not enrolled now has no client row: its repeats are folded
        // by its name, at once (decision 0011).
        if (before is null && after is null)
        {
            return await store.RecordUnenrolledAsync(row, key, cancellationToken).ConfigureAwait(false) ? Recorded.Repeat : Recorded.Written;
        }

        var write = new DecisionWrite(row, after, IsNew: before is null, ExpectedRevision: before?.Revision ?? 0, Attempt: attempt);
        var (result, _) = await store.SaveDecisionAsync(write, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            StoreStatus.Ok => Recorded.Written,
            StoreStatus.RevisionMismatch => Recorded.Stale,
            _ => throw new InvalidOperationException($"Recording a decision for {context.Computer} was refused: {result.Status} {result.Refusal}"),
        };
    }

    /// <summary>
    /// Turns the client's travel mode <paramref name="on"/> or off and records the change in its history: an entry
    /// whose cause is <c>travel</c>, with who changed it in words, the client's outcome, version and sites as they
    /// stand (the next maintenance cycle decides with the new mode), and the administrator's audit row if any.
    /// <paramref name="seen"/> when the agent itself sent the change. Returns <see cref="Recorded.Stale"/> when
    /// the client changed meanwhile.
    /// </summary>
    public async Task<Recorded> RecordTravelAsync(ClientRow client, bool on, string by, string via, bool seen, AuditRow? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new DecisionRow
        {
            Client = client.Id,
            Computer = client.Name,
            At = now,
            LastAt = now,
            Cause = Words.TravelCause,
            Via = via,
            Outcome = client.LastOutcome ?? "",
            VersionBefore = client.Installed?.ToString(),
            VersionAfter = client.Installed?.ToString(),
            SitesBefore = client.Sites,
            SitesAfter = client.Sites,
            Reason = TravelChange.Reason(on, by),
        };
        var after = client with { Travel = on, LastDecisionKey = Key(row), LastSeen = seen ? now : client.LastSeen };
        var (result, _) = await store.SaveDecisionAsync(new DecisionWrite(row, after, IsNew: false, client.Revision, audit), cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            StoreStatus.Ok => Recorded.Written,
            StoreStatus.RevisionMismatch => Recorded.Stale,
            _ => throw new InvalidOperationException($"Recording a travel change for {client.Id} was refused: {result.Status} {result.Refusal}"),
        };
    }

    /// <summary>
    /// A maintenance cycle known to repeat the client's last decision (<see cref="Agents.Cycles.KeptCycleAnswers"/>): counted
    /// and noted as a heartbeat, as <see cref="RecordAsync"/> does with a repeat it finds.
    /// </summary>
    public void Repeated(ClientRow client, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(client);
        metrics.Decided(Trigger.Maintenance, outcome);
        NoteRepeat(client, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private void NoteRepeat(ClientRow client, long now) => heartbeats.Enqueue(new Heartbeat(client.Id, client.LastDecision, now));

    // What makes two decisions the same: everything recorded but the time. The key only tells a repeat from
    // a new decision of the same client, whose row must also be unchanged to count as one, so a fast
    // non-cryptographic 128-bit hash is enough; it is computed on every maintenance cycle.
    private static string Key(DecisionRow row)
    {
        // The lists as they were hashed when they were text: comma-separated, so that keys stored before stay valid.
        string?[] fields = [row.Cause, row.Via, row.Outcome, row.Kind, row.VersionBefore, row.VersionAfter, string.Join(',', row.SitesBefore), string.Join(',', row.SitesAfter), row.Reason];
        var length = fields.Length;
        foreach (var field in fields)
        {
            length += Encoding.UTF8.GetByteCount(field ?? "");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var field in fields)
            {
                written += Encoding.UTF8.GetBytes(field ?? "", buffer.AsSpan(written));
                buffer[written++] = 0x1f;
            }

            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>What <see cref="DecisionRecorder.RecordAsync"/> did.</summary>
internal enum Recorded
{
    /// <summary>A new decision (and the client's row) was committed.</summary>
    Written,

    /// <summary>The decision repeats the client's last one and changes nothing: counted with the heartbeats.</summary>
    Repeat,

    /// <summary>The client changed since it was read; nothing was written.</summary>
    Stale,
}

/// <summary>Who asked and where: the trigger, the logon point or site, and the computer's name.</summary>
internal sealed record DecisionContext(Trigger Trigger, string Via, string Computer);
