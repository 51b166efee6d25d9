using Steward.Cli.Io;

namespace Steward.Cli.Tests;

/// <summary>A fresh directory under the system's temp directory, deleted with everything in it at the end.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("steward-cli-").FullName;
    }

    public string Path { get; }

    /// <summary>
    /// An environment with these variables whose working directory is this directory; the packaged server's token
    /// file is looked for in it too (<c>etc-steward/admin-token</c>), never in the machine's /etc.
    /// </summary>
    public CliEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new CliEnvironment(name => values.GetValueOrDefault(name), Path, System.IO.Path.Combine(Path, "etc-steward", "admin-token"));
    }

    /// <summary>Writes a file (creating its directories) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
