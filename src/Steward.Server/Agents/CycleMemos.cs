using System.Collections.Concurrent;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents;

/// <summary>
/// The answers of maintenance cycles that repeated the client's last decision, each kept with exactly what
/// it was decided from (decision 0010): the client row's revision and travel mode, the access point's site,
/// the revision of every site in the client's table, the addresses and version the agent sent, the
/// server's address for the answer's links, the key the agent said it pins and the server's active key.
/// A cycle that carries a change of travel mode is never a kept repeat: the change is recorded and decided
/// on; nor is an answer that delivers a package or endorses a newer key. A cycle whose inputs are all the same again is the same repeat, so it
/// is answered from here without deciding again. Every input is checked against what was read for this
/// request, so an entry never outlives a change; entries are only ever an optimization.
/// </summary>
internal sealed class CycleMemos(ServerOptions options)
{
    // Distinct answers are few (one per site table, outcome and reason); beyond this many they are not shared.
    private const int MaxSharedAnswers = 4096;

    private readonly ConcurrentDictionary<string, Memo> _byClient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, string Origin), JsonAnswer<CycleResponse>> _answers = new();

    /// <summary>The kept answer, when every input of this cycle is what the kept repeat was decided from.</summary>
    public (JsonAnswer<CycleResponse> Answer, Outcome Outcome)? Find(ClientRow client, SiteCode via, IReadOnlyList<SiteRow> sites, CycleRequest request, string origin, long activeKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(request);
        return request.LastUpgrade is null
            && (request.Travel is null || request.Travel == (client.Travel != 0))
            && _byClient.TryGetValue(client.Id, out var memo)
            && memo.Revision == client.Revision
            && memo.Travel == client.Travel
            && memo.Via == via
            && string.Equals(memo.Installed, request.Installed, StringComparison.Ordinal)
            && string.Equals(memo.Origin, origin, StringComparison.Ordinal)
            && memo.ActiveKey == activeKey
            && string.Equals(memo.PinnedKey, request.PinnedKey, StringComparison.Ordinal)
            && (request.Nonce is null || Nonce.IsWellFormed(request.Nonce))
            && SameSites(memo.Sites, sites)
            && SameAddresses(request.Addresses, client.Addresses)
                ? (memo.Answer, memo.Outcome)
                : null;
    }

    /// <summary>Keeps the answer of a cycle that repeated the client's last decision, with its inputs.</summary>
    public void Keep(ClientRow client, SiteCode via, IReadOnlyList<SiteRow> sites, CycleRequest request, string origin, long activeKey, Outcome outcome, CycleResponse response)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (request.LastUpgrade is not null || request.Travel is not null || response.Package is not null || response.NewKey is not null || client.LastDecisionKey is not { } key
            || !SameAddresses(request.Addresses, client.Addresses)
            || (_byClient.Count >= options.ClientCacheSize && !_byClient.ContainsKey(client.Id)))
        {
            return;
        }

        // Shared only when it says the same, whatever the key: a key is a hash.
        JsonAnswer<CycleResponse> answer;
        if (_answers.TryGetValue((key, origin), out var shared) && Same(shared.Value, response))
        {
            answer = shared;
        }
        else
        {
            answer = JsonAnswer<CycleResponse>.Kept(response, ProtocolJson.Default.CycleResponse);
            if (shared is null && _answers.Count < MaxSharedAnswers)
            {
                _answers.TryAdd((key, origin), answer);
            }
        }

        var revisions = new (string Code, long Revision)[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            revisions[i] = (sites[i].Code, sites[i].Revision);
        }

        _byClient[client.Id] = new Memo(client.Revision, client.Travel, via, revisions, request.Installed, origin, request.PinnedKey, activeKey, outcome, answer);
    }

    private static bool Same(CycleResponse a, CycleResponse b) =>
        a.Outcome == b.Outcome && a.Kind == b.Kind && a.Reason == b.Reason && a.VersionAfter == b.VersionAfter
        && a.Package is null && b.Package is null && a.NewKey is null && b.NewKey is null && a.Sites.SequenceEqual(b.Sites, StringComparer.Ordinal)
        && a.AccessPoints.Count == b.AccessPoints.Count && a.AccessPoints.All(p => b.AccessPoints.TryGetValue(p.Key, out var url) && url == p.Value);

    private static bool SameSites((string Code, long Revision)[] kept, IReadOnlyList<SiteRow> sites)
    {
        if (kept.Length != sites.Count)
        {
            return false;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i].Revision != sites[i].Revision || !string.Equals(kept[i].Code, sites[i].Code, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // The addresses sent, in order, are exactly the client's stored canonical ones (comma-separated). A
    // text with a comma in it is never the same: it would not even be a valid address.
    private static bool SameAddresses(IReadOnlyList<string>? sent, string stored)
    {
        if (sent is null)
        {
            return false;
        }

        var rest = stored.AsSpan();
        for (var i = 0; i < sent.Count; i++)
        {
            var text = sent[i];
            if (text is null || text.Length == 0 || text.Contains(',', StringComparison.Ordinal))
            {
                return false;
            }

            if (i > 0)
            {
                if (rest.IsEmpty || rest[0] != ',')
                {
                    return false;
                }

                rest = rest[1..];
            }

            if (!rest.StartsWith(text, StringComparison.Ordinal))
            {
                return false;
            }

            rest = rest[text.Length..];
        }

        return rest.IsEmpty;
    }

    private sealed record Memo(
        long Revision, long Travel, SiteCode Via, (string Code, long Revision)[] Sites, string? Installed, string Origin, string? PinnedKey, long ActiveKey,
        Outcome Outcome, JsonAnswer<CycleResponse> Answer);
}
