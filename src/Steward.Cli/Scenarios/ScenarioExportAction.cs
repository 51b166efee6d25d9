using System.Text;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;

namespace Steward.Cli.Scenarios;

/// <summary>
/// Copies the server's scenario export (<c>GET /v1/scenario</c>) to standard output or a file, as it
/// arrives. A file is written beside its final name and moved there only when the export is complete,
/// so a failed export never leaves half a fleet behind under the name asked for.
/// </summary>
internal static class ScenarioExportAction
{
    /// <summary>Exit code 0 with the scenario written.</summary>
    public static Task<int> RunAsync(ScenarioExportOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        return AdminRun.RunAsync(options.Admin, terminal, environment, async client =>
        {
            if (options.Output is { } output)
            {
                await ToFileAsync(client, environment.PathOf(output), cancellationToken).ConfigureAwait(false);
                terminal.Error.WriteLine($"steward: the fleet of {client.Server} written to {output}");
            }
            else
            {
                await ToStandardOutputAsync(client, terminal, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
    }

    private static async Task ToFileAsync(AdminClient client, string path, CancellationToken cancellationToken)
    {
        var partial = $"{path}.{Environment.ProcessId}.partial";
        try
        {
            var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await client.DownloadAsync(Routes.Scenario, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task ToStandardOutputAsync(AdminClient client, Terminal terminal, CancellationToken cancellationToken)
    {
        if (terminal.OutBytes is { } bytes)
        {
            // Straight through: a million clients never become one string.
            terminal.Out.Flush();
            await client.DownloadAsync(Routes.Scenario, bytes, cancellationToken).ConfigureAwait(false);
            await bytes.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await client.DownloadAsync(Routes.Scenario, buffer, cancellationToken).ConfigureAwait(false);
        await terminal.Out.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }
}
