using System.Collections.Concurrent;
using Steward.Server.Storage;

namespace Steward.Server.Security.Access;

/// <summary>
/// Records when each administrator token was last used, at most once a minute per token and server
/// process, so that a script polling the API does not turn every read into a write.
/// </summary>
internal sealed class TokenUse(IStewardStore store)
{
    private const long IntervalMilliseconds = 60_000;

    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);

    public async Task RecordAsync(string hash, long now, CancellationToken cancellationToken)
    {
        if (_written.TryGetValue(hash, out var last) && now - last < IntervalMilliseconds)
        {
            return;
        }

        _written[hash] = now;
        await store.TouchTokenAsync(hash, now, cancellationToken).ConfigureAwait(false);
    }
}
