using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Net;

namespace Steward.Agent.Flows;

/// <summary>What every command works with: the directory, the console, the network limits and the clock.</summary>
/// <param name="Layout">The agent's directory.</param>
/// <param name="Console">Where output goes.</param>
/// <param name="Network">Network limits.</param>
/// <param name="Time">The clock.</param>
internal sealed record AgentContext(AgentLayout Layout, AgentConsole Console, NetworkOptions Network, TimeProvider Time);
