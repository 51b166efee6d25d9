namespace Steward.Agent.Layout;

/// <summary>
/// An exclusive lock on the state directory for the life of one command, so two agents (the service and a
/// person running <c>cycle</c>) never update at once. The operating system drops it when the process dies,
/// however it dies, so a killed agent never leaves the directory locked.
/// </summary>
internal sealed class AgentLock : IDisposable
{
    private readonly FileStream _file;

    private AgentLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static AgentLock? TryTake(AgentLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(layout.Root);
        try
        {
            return new AgentLock(new FileStream(layout.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
