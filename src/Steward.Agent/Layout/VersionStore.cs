using System.Text.Json;
using Steward.Agent.Platform;
using Steward.Agent.State;
using Steward.Policy.Versions;

namespace Steward.Agent.Layout;

/// <summary>
/// The versions under <c>versions/</c>. A version is complete only when its marker is there: the marker is
/// written last, after every file was verified and flushed and the version passed its health check, so a
/// directory without one is a leftover of an interrupted update.
/// </summary>
/// <param name="layout">The agent's directory.</param>
internal sealed class VersionStore(AgentLayout layout)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>The marker of a complete version, or null when the version is absent or incomplete.</summary>
    public CompleteMarker? Marker(string version)
    {
        var path = Layout.CompleteMarker(version);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var marker = JsonSerializer.Deserialize(File.ReadAllBytes(path), AgentJson.Default.CompleteMarker);
            return marker is not null && marker.Version == version && File.Exists(EntryPointPath(marker)) ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The program of a complete version.</summary>
    public string EntryPointPath(CompleteMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return Path.Combine(Layout.VersionDirectory(marker.Version), marker.EntryPoint);
    }

    /// <summary>Every version directory's name, complete or not.</summary>
    public IReadOnlyList<string> Directories() =>
        Directory.Exists(Layout.Versions)
            ? Directory.GetDirectories(Layout.Versions).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The complete versions, oldest first.</summary>
    public IReadOnlyList<AgentVersion> Complete() =>
        Directories()
            .Select(name => (Name: name, Parsed: AgentVersion.TryParse(name)))
            .Where(v => v.Parsed.Success && v.Parsed.Value.ToString() == v.Name && Marker(v.Name) is not null)
            .Select(v => v.Parsed.Value)
            .Order()
            .ToList();

    /// <summary>Writes the marker, last, and flushes it: from now on the version may be pointed to.</summary>
    public void MarkComplete(CompleteMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(marker, AgentJson.Default.CompleteMarker);
        AtomicFile.Write(Layout.CompleteMarker(marker.Version), bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>Removes a version directory (an incomplete leftover, or an old version no longer kept).</summary>
    public void Remove(string version)
    {
        var directory = Layout.VersionDirectory(version);
        if (!Directory.Exists(directory))
        {
            return;
        }

        // The marker goes first, so a removal cut short leaves an incomplete directory, never a complete-looking broken one.
        var marker = Layout.CompleteMarker(version);
        if (File.Exists(marker))
        {
            File.Delete(marker);
            Durability.SyncDirectory(directory);
        }

        Directory.Delete(directory, recursive: true);
    }
}
