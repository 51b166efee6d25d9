using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Packages;

/// <summary>
/// Uploads a package archive as the raw body of <c>POST /v1/packages?version=V</c>, streamed from disk,
/// with a progress bar on standard error for a large file when a person is watching.
/// </summary>
internal static class PackagePublishAction
{
    private const string ZipType = "application/zip";

    /// <summary>Exit code 0 once the server has stored the package.</summary>
    public static Task<int> RunAsync(PackagePublishOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(environment);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => UploadAsync(client, environment.PathOf(options.File), options.Version, terminal, cancellationToken),
            package => terminal.Out.WriteLine(
                $"Published {package.Version}: {Formats.Count(package.Files, "file")}, {Formats.Bytes(package.Size)}, entry point {package.EntryPoint}, SHA-256 {package.Sha256}."));
    }

    private static async Task<Answer<PackageView>> UploadAsync(AdminClient client, string path, string version, Terminal terminal, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw AdminFailure.InvalidInput($"{path}: no such file");
        }

        var route = $"{Routes.Packages}?version={Uri.EscapeDataString(version)}";
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var length = file.Length;
            if (!terminal.Interactive || length < AdminLimits.ProgressBarBytes)
            {
                return await client.UploadAsync(route, file, length, ZipType, ProtocolJson.Default.PackageView, cancellationToken).ConfigureAwait(false);
            }

            return await terminal.ProgressConsole().Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape($"Publishing {Path.GetFileName(path)}"), maxValue: length);
                    // The request disposes the stream it sends, and the file with it; the dispose above is then a no-op.
                    var counted = new ProgressStream(file, read => task.Value = read);
                    var answer = await client.UploadAsync(route, counted, length, ZipType, ProtocolJson.Default.PackageView, cancellationToken).ConfigureAwait(false);
                    task.Value = length;
                    return answer;
                }).ConfigureAwait(false);
        }
    }
}
