using System.Text.Json;
using Steward.Agent.Layout;
using Steward.Agent.Platform;

namespace Steward.Agent.State;

/// <summary>
/// Reads and writes <c>state.json</c>. Writes are atomic (temporary file, flush, rename, directory flush)
/// and owner-only. A missing or corrupt file is reported as such and never acted on: the agent does not
/// uninstall or re-enroll itself because of a damaged file.
/// </summary>
/// <param name="layout">The agent's directory.</param>
internal sealed class StateStore(AgentLayout layout)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>The largest state file read; a real one is a few KB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads the state.</summary>
    public StateLoad Load() => Load(Layout.StateFile);

    /// <summary>Reads the copy of the last state written whole (<see cref="AgentLayout.StateBackup"/>).</summary>
    public StateLoad LoadLastGood() => Load(Layout.StateBackup);

    private static StateLoad Load(string path)
    {
        if (!File.Exists(path))
        {
            return new StateLoad(AgentState.Empty, $"There is no state file at {path}: this computer has not enrolled at a logon point yet.", Missing: true);
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                return Corrupt(path, $"it is {info.Length} bytes, more than the {MaxBytes} a state file can be");
            }

            var state = JsonSerializer.Deserialize(File.ReadAllBytes(path), AgentJson.Default.AgentState);
            if (state is null || state.Format != 1 || state.Sites is null || state.AccessPoints is null || state.History is null)
            {
                return Corrupt(path, "it is not a format-1 agent state (format, sites, accessPoints and history are required)");
            }

            return new StateLoad(state, null, Missing: false);
        }
        catch (JsonException e)
        {
            return Corrupt(path, $"it is not valid JSON ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            return Corrupt(path, $"it cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// Writes the state atomically, readable by its owner only (it holds the client secret), then the same bytes
    /// as the last-good copy: a file damaged later on disk can be restored from the other (<c>doctor --repair</c>).
    /// </summary>
    public void Save(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(Layout.Root);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, AgentJson.Default.AgentState);
        AtomicFile.Write(Layout.StateFile, bytes);
        AtomicFile.Write(Layout.StateBackup, bytes);
    }

    private static StateLoad Corrupt(string path, string why) =>
        new(AgentState.Empty, $"The state file {path} is damaged: {why}. Nothing was changed and nothing is uninstalled; "
            + "move the file aside and run 'steward-agent logon' to enroll again.", Missing: false);
}
