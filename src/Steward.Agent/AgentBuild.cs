using System.Reflection;
using Steward.Policy.Versions;

namespace Steward.Agent;

/// <summary>The version this agent program was built as (<c>-p:StewardAgentVersion=...</c>, an assembly attribute).</summary>
internal static class AgentBuild
{
    /// <summary>The program's file name without extension.</summary>
    public const string ProgramName = "steward-agent";

    private static readonly Lazy<AgentVersion> BuiltVersion = new(Read);

    /// <summary>The agent version of this build.</summary>
    public static AgentVersion Version => BuiltVersion.Value;

    private static AgentVersion Read()
    {
        // Attributes survive Native AOT; a missing or broken one is a build mistake, so it throws.
        var text = typeof(AgentBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "StewardAgentVersion")?.Value
            ?? throw new InvalidOperationException("This build has no StewardAgentVersion attribute.");
        return AgentVersion.Parse(text);
    }
}
