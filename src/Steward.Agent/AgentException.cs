namespace Steward.Agent;

/// <summary>
/// Something the agent could not do, said for the person or log reading it (server unreachable, refused,
/// a package that does not verify). The command prints the message and exits non-zero; never a bug.
/// </summary>
internal sealed class AgentException : Exception
{
    /// <summary>A failure with its message.</summary>
    public AgentException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with its message and cause.</summary>
    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure without details.</summary>
    public AgentException()
    {
    }

    /// <summary>True when trying again later may succeed (network, server trouble); false for refusals.</summary>
    public bool Transient { get; init; }
}
