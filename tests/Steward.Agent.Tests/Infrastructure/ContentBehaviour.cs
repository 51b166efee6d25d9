namespace Steward.Agent.Tests.Infrastructure;

/// <summary>How the fake server misbehaves (or not) when it serves package content.</summary>
internal sealed record ContentBehaviour
{
    /// <summary>Serves the archive as it is.</summary>
    public static ContentBehaviour Honest { get; } = new();

    /// <summary>Bytes appended after the archive, sent without a Content-Length (a server sending more than it signed).</summary>
    public int ExtraBytes { get; init; }

    /// <summary>After this many bytes of the archive the server stops sending and holds the connection open.</summary>
    public long? StallAfter { get; init; }

    /// <summary>A pause after each chunk, to make the download take a while.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>The chunk size.</summary>
    public int ChunkSize { get; init; } = 64 * 1024;
}
