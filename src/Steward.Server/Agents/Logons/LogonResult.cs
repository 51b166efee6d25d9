using Steward.Policy.Versions;
using Steward.Protocol.Agent;

namespace Steward.Server.Agents.Logons;

/// <summary>How a logon point's request ended, as a value: only the logon endpoint turns it into HTTP.</summary>
internal abstract record LogonResult
{
    private LogonResult()
    {
    }

    /// <summary>Decided and recorded: the answer.</summary>
    public sealed record Decided(LogonResponse Response) : LogonResult;

    /// <summary>No logon point has this name and enrollment secret (the two are not told apart).</summary>
    public sealed record UnknownPointOrSecret : LogonResult
    {
        public static UnknownPointOrSecret Instance { get; } = new();
    }

    /// <summary>The body's client id and secret name no client.</summary>
    public sealed record UnknownClient : LogonResult
    {
        public static UnknownClient Instance { get; } = new();
    }

    /// <summary>The decision delivers a version no package of which is published.</summary>
    public sealed record NoPackage(AgentVersion Version) : LogonResult;

    /// <summary>Too many computers that stay unenrolled were refused from this source lately (decision 0011); nothing was decided.</summary>
    public sealed record TooManyRefusals(TimeSpan Wait, string Source) : LogonResult;

    /// <summary>The client's row changed under every attempt.</summary>
    public sealed record ClientKeptChanging : LogonResult
    {
        public static ClientKeptChanging Instance { get; } = new();
    }
}
