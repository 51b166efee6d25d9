using System.Diagnostics;
using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.State;

namespace Steward.Agent.Update;

/// <summary>
/// Runs a staged version's program as <c>version --json</c>: it must start, answer within the time
/// limit, and report exactly the version it was installed as. Only then may the pointer name it.
/// </summary>
internal static class HealthCheck
{
    /// <summary>How long the new program may take to answer.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="AgentException"/> with what went wrong when the check fails.</summary>
    public static async Task RunAsync(string program, string version, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(program)!,
        };
        start.ArgumentList.Add("version");
        start.ArgumentList.Add("--json");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AgentException($"The new version's program {program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AgentException($"The new version's program {program} cannot be started: {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                await Task.WhenAll(output, errors).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new AgentException($"The new version's program did not answer 'version --json' within {Limit.TotalSeconds:0} s.", e);
            }

            if (process.ExitCode != 0)
            {
                throw new AgentException($"The new version's program exited with code {process.ExitCode} from 'version --json': {errors.Result.Trim()}");
            }

            VersionDocument? document;
            try
            {
                document = JsonSerializer.Deserialize(output.Result, AgentJson.Default.VersionDocument);
            }
            catch (JsonException e)
            {
                throw new AgentException($"The new version's program answered 'version --json' with something that is not its version document ({e.Message}).", e);
            }

            if (document?.Version != version)
            {
                throw new AgentException($"The new version's program reports version {document?.Version ?? "(none)"}, not {version}, the version of its package.");
            }
        }
    }
}
