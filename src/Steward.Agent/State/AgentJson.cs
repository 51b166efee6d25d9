using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Agent.Cli;
using Steward.Agent.Doctor;
using Steward.Agent.Flows;
using Steward.Agent.Layout;

namespace Steward.Agent.State;

/// <summary>The agent's own JSON documents (state, markers, command output), source-generated for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(CompleteMarker))]
[JsonSerializable(typeof(VersionDocument))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ResultDocument))]
[JsonSerializable(typeof(DoctorDocument))]
internal sealed partial class AgentJson : JsonSerializerContext
{
    /// <summary>The same documents on one line each (results, so that a cycle's answers are JSON Lines).</summary>
    public static AgentJson Compact { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
