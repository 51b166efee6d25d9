namespace Steward.Agent.Tests.Infrastructure;

/// <summary>A fresh directory under the system's temporary directory, removed at the end of the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "steward-agent-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by a test may still hold a file for a moment; the OS cleans temp anyway.
        }
    }
}
