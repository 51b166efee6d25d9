using System.Diagnostics;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>Runs the real agent program as a process; can kill it (SIGKILL) when a given line appears on its standard error.</summary>
internal static class AgentProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<AgentRun> RunAsync(string program, params string[] args)
    {
        using var process = Start(program, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(limit.Token);
        return new AgentRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts the program and kills it, with everything it started, <paramref name="delay"/> after a line of its
    /// standard error contains <paramref name="marker"/>. Returns false (and the run) when it ended before that.
    /// </summary>
    public static async Task<(bool Killed, AgentRun Run)> KillAtAsync(string program, string marker, TimeSpan delay, params string[] args)
    {
        using var process = Start(program, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        var killed = false;
        using var limit = new CancellationTokenSource(Limit);
        while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, limit.Token);
                }

                try
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                }
                catch (InvalidOperationException)
                {
                    // It finished before the kill landed: a run that completed, not one that was interrupted.
                }

                break;
            }
        }

        await process.WaitForExitAsync(limit.Token);
        return (killed, new AgentRun(process.ExitCode, await stdout, seen.ToString()));
    }

    /// <summary>How long the program runs after a line containing <paramref name="marker"/> appears (to spread random kills over a step).</summary>
    public static async Task<TimeSpan> TimeAfterAsync(string program, string marker, params string[] args)
    {
        using var process = Start(program, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var clock = new Stopwatch();
        using var limit = new CancellationTokenSource(Limit);
        while (await process.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            if (!clock.IsRunning && line.Contains(marker, StringComparison.Ordinal))
            {
                clock.Start();
            }
        }

        await process.WaitForExitAsync(limit.Token);
        await stdout;
        return clock.Elapsed;
    }

    private static Process Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }
}
