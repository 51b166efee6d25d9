using System.Text;
using Renci.SshNet;

namespace Steward.Cli.Push;

/// <summary>Commands on one host over one SSH connection, and copies to it over SFTP on a second.</summary>
internal sealed class RemoteShell(SshClient ssh, SftpClient sftp) : IDisposable
{
    /// <summary>Runs <paramref name="command"/> (a POSIX shell line) and returns its exit status and output.</summary>
    public async Task<RemoteRun> RunAsync(string command, CancellationToken cancel)
    {
        using var run = ssh.CreateCommand(command);
        await run.ExecuteAsync(cancel).ConfigureAwait(false);
        return new RemoteRun(run.ExitStatus ?? -1, run.Result, run.Error);
    }

    /// <summary>Copies a local file to <paramref name="remotePath"/>.</summary>
    public async Task CopyAsync(string localPath, string remotePath, CancellationToken cancel)
    {
        await using var file = File.OpenRead(localPath);
        await sftp.UploadFileAsync(file, remotePath, cancel).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) into a new file on the host.</summary>
    public async Task WriteAsync(string remotePath, string text, CancellationToken cancel)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await sftp.UploadFileAsync(content, remotePath, cancel).ConfigureAwait(false);
    }

    /// <summary>A word quoted for a POSIX shell.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        sftp.Dispose();
        ssh.Dispose();
    }
}

/// <summary>How a remote command ended.</summary>
internal sealed record RemoteRun(int ExitStatus, string Out, string Error)
{
    /// <summary>The error output, else the output, on one line, for a detail.</summary>
    public string Said
    {
        get
        {
            var text = (string.IsNullOrWhiteSpace(Error) ? Out : Error).Trim();
            var line = new StringBuilder();
            foreach (var part in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                line.Append(line.Length == 0 ? "" : " / ").Append(part);
            }

            return line.Length > 500 ? line.ToString(0, 500) + "..." : line.ToString();
        }
    }
}
