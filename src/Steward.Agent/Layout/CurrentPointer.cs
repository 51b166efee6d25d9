using System.Text;
using Steward.Agent.Platform;

namespace Steward.Agent.Layout;

/// <summary>
/// The one pointer that says which version runs. On Unix it is the symbolic link <c>current</c> to
/// <c>versions/&lt;version&gt;</c>, switched by creating a new link beside it and renaming it over the old
/// one (rename is atomic); on Windows, where links need privileges, it is <c>current.txt</c> holding the
/// version, replaced the same way.
/// </summary>
/// <param name="layout">The agent's directory.</param>
internal sealed class CurrentPointer(AgentLayout layout)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>The version the pointer names, or null when there is no pointer (nothing installed yet).</summary>
    public string? Read()
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(Layout.Current) ? File.ReadAllText(Layout.Current).Trim() : null;
        }

        var link = new FileInfo(Layout.Current);
        if (link.LinkTarget is not { } target)
        {
            return null;
        }

        return Path.GetFileName(target.TrimEnd('/'));
    }

    /// <summary>Points at <paramref name="version"/>, atomically, and flushes the change to disk.</summary>
    public void Switch(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (OperatingSystem.IsWindows())
        {
            AtomicFile.Write(Layout.Current, Encoding.UTF8.GetBytes(version + Environment.NewLine));
            return;
        }

        var temporary = Path.Combine(Layout.Root, $".current.tmp-{Environment.ProcessId}");
        // File.Delete removes a link itself, whatever it points to (or a leftover of a killed run).
        File.Delete(temporary);

        // A relative target keeps the directory movable (a restored backup still points inside itself).
        File.CreateSymbolicLink(temporary, Path.Combine("versions", version));
        Durability.RenameOver(temporary, Layout.Current);
        Durability.SyncDirectory(Layout.Root);
    }
}
