using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Steward.Server.Hosting;

namespace Steward.Server.Agents;

/// <summary>
/// Limits how many refusals of computers that are not enrolled one source address may cause (decision
/// 0011): the enrollment secret is in every logon script, so anyone could otherwise make the server write
/// without end. It is consulted only after the decision, on the refused path, so that an enrolled client's
/// logon and an enrollment never count and are never limited: 9:00 on Monday cannot lock out a building.
/// </summary>
/// <remarks>
/// The limiter is ASP.NET Core's own (<see cref="PartitionedRateLimiter"/>, a fixed window per partition,
/// idle partitions dropped), called here rather than by the rate-limiting middleware, which would count a
/// request before its decision is known. IPv6 sources are counted per /64, the block one host usually holds.
/// </remarks>
internal sealed class RefusalLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly TimeSpan _window;

    public RefusalLimiter(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.UnenrolledRefusalWindow;
        if (options.UnenrolledRefusalLimit > 0)
        {
            var limit = new FixedWindowRateLimiterOptions { PermitLimit = options.UnenrolledRefusalLimit, Window = _window, QueueLimit = 0, AutoReplenishment = false };
            _limiter = PartitionedRateLimiter.Create<string, string>(source => RateLimitPartition.GetFixedWindowLimiter(source, _ => limit));
        }
    }

    /// <summary>Null when this refusal may be made now; otherwise how long the source should wait.</summary>
    public TimeSpan? Refuse(IPAddress? source)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(Partition(source));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
    }

    public static string Partition(IPAddress? source)
    {
        if (source is null)
        {
            return "unknown";
        }

        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        if (source.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return source.ToString();
        }

        var bytes = source.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter?.Dispose();
}
