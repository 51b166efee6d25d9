using System.Collections.Concurrent;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Rollouts;
using Steward.Server.Security;
using Steward.Server.Security.Access;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Kept answers of repeated cycles (decisions 0010, 0016), wrapped around the deciding service: a cycle
/// whose <see cref="CycleKey"/> is the key its client's last repeat was decided from is answered with that
/// answer, counted and noted as a repeat, without deciding again; any other goes to the decider, and its
/// answer is kept when it was a repeat. The key is made from the rows read for this very request, so an
/// entry never outlives a change; entries expire after <see cref="KeptFor"/>. Only ever an optimization.
/// </summary>
internal sealed class KeptCycleAnswers(ICycleDecider decider, DecisionRecorder recorder, SigningKeys keys, LiveRollouts rollouts, ServerOptions options, TimeProvider time)
    : ICycleDecider
{
    /// <summary>
    /// How long an answer is kept: a little longer than the agents' 23-hour cycle, so that a healthy
    /// client's next cycle finds it, while a client that stopped calling frees its place.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(25);

    // Distinct answers are few (one per site table, outcome and reason); beyond this many they are not shared.
    private const int MaxSharedAnswers = 4096;

    private static readonly long SweepEvery = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly ConcurrentDictionary<string, Entry> _byClient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string DecisionKey, string Origin), JsonAnswer<CycleResponse>> _answers = new();
    private long _nextSweep;

    public async ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, RolloutMoment? moment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (MayBeKept(caller, input) && _byClient.TryGetValue(caller.Client.Id, out var entry))
        {
            if (entry.ExpiresAt <= now)
            {
                _byClient.TryRemove(KeyValuePair.Create(caller.Client.Id, entry));
            }
            else
            {
                // Read once: on a miss the decider decides with these very rollouts.
                moment ??= await rollouts.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (CycleKey.Of(
                    caller.Client,
                    caller.Facts!.Sites,
                    input,
                    (await keys.CurrentAsync(cancellationToken).ConfigureAwait(false)).Active.Number,
                    moment.GatesOf(caller.Client.Id, caller.Facts.Sites)) == entry.Key)
                {
                    recorder.Repeated(caller.Client, entry.Kept.Outcome);
                    return entry.Kept;
                }
            }
        }

        var result = await decider.DecideAsync(caller, input, moment, cancellationToken).ConfigureAwait(false);
        if (result is CycleResult.Decided { Repeat: true } decided)
        {
            Keep(decided, input, now);
        }

        return result;
    }

    // A report and a change of travel mode are recorded, never answered as kept; the facts must have been read with the secret.
    private static bool MayBeKept(AuthenticatedClient caller, CycleInput input) =>
        input.LastUpgrade is null
        && (input.Travel is null || input.Travel == caller.Client.Travel)
        && caller.Facts is { SiteExists: true } facts && ReferenceEquals(facts.Client, caller.Client);

    private void Keep(CycleResult.Decided decided, CycleInput input, long now)
    {
        var response = decided.Response;
        if (input.LastUpgrade is not null || input.Travel is not null || response.Package is not null || response.NewKey is not null
            || decided.DecidedFrom.Client is not { LastDecisionKey: { } decisionKey } client || !Room(client.Id, now))
        {
            return;
        }

        // Shared only when it says the same, whatever the key: a key is a hash.
        JsonAnswer<CycleResponse> answer;
        if (_answers.TryGetValue((decisionKey, input.Origin), out var shared) && Same(shared.Value, response))
        {
            answer = shared;
        }
        else
        {
            answer = JsonAnswer<CycleResponse>.Kept(response, ProtocolJson.Default.CycleResponse);
            if (shared is null && _answers.Count < MaxSharedAnswers)
            {
                _answers.TryAdd((decisionKey, input.Origin), answer);
            }
        }

        var key = CycleKey.Of(client, decided.DecidedFrom.Sites, input, decided.ActiveKey, decided.Rollouts.GatesOf(client.Id, decided.DecidedFrom.Sites));
        _byClient[client.Id] = new Entry(key, new CycleResult.Kept(answer, decided.Outcome), now + (long)KeptFor.TotalMilliseconds);
    }

    // Bounded by ClientCacheSize; when full, expired entries are swept (at most once a minute) to make room.
    private bool Room(string clientId, long now)
    {
        if (_byClient.Count < options.ClientCacheSize || _byClient.ContainsKey(clientId))
        {
            return true;
        }

        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery, due) != due)
        {
            return false;
        }

        foreach (var (id, entry) in _byClient)
        {
            if (entry.ExpiresAt <= now)
            {
                _byClient.TryRemove(KeyValuePair.Create(id, entry));
            }
        }

        return _byClient.Count < options.ClientCacheSize;
    }

    private static bool Same(CycleResponse a, CycleResponse b) =>
        a.Outcome == b.Outcome && a.Kind == b.Kind && a.Reason == b.Reason && a.VersionAfter == b.VersionAfter
        && a.Package is null && b.Package is null && a.NewKey is null && b.NewKey is null && a.Sites.SequenceEqual(b.Sites, StringComparer.Ordinal)
        && a.AccessPoints.Count == b.AccessPoints.Count && a.AccessPoints.All(p => b.AccessPoints.TryGetValue(p.Key, out var url) && url == p.Value);

    private sealed record Entry(CycleKey Key, CycleResult.Kept Kept, long ExpiresAt);
}
