namespace Steward.Agent.Net;

/// <summary>Every network limit of the agent, in one place.</summary>
/// <param name="ConnectTimeout">How long to wait for a connection to the server.</param>
/// <param name="RequestTimeout">How long a logon or cycle request may take in all.</param>
/// <param name="IdleTimeout">How long a download may go without receiving a byte before it is given up (and resumed later).</param>
internal sealed record NetworkOptions(TimeSpan ConnectTimeout, TimeSpan RequestTimeout, TimeSpan IdleTimeout)
{
    /// <summary>The defaults: 15 s to connect, 100 s per request, 60 s without data in a download.</summary>
    public static NetworkOptions Default { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(60));

    /// <summary>
    /// The longest <c>Retry-After</c> of a 429 the agent waits out before trying once more (5 s): a logon
    /// script must not hold up a user's logon for long. A longer one is reported at once, with its time.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; init; } = TimeSpan.FromSeconds(5);
}
