namespace Steward.Server.Heartbeats;

/// <summary>Batched heartbeats are not being written: since when, the last error, and how many were dropped so far.</summary>
/// <param name="Since">The first failed write of this run of failures.</param>
/// <param name="Error">The last failure's message.</param>
/// <param name="Lost">Heartbeats dropped since <paramref name="Since"/>.</param>
internal sealed record HeartbeatFailure(DateTimeOffset Since, string Error, long Lost)
{
    /// <summary>In words, for <c>/readyz</c>.</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"batched heartbeats (last-seen times and repeats) cannot be written since {Since:u}: {Error}; {Lost} lost so far");
}
