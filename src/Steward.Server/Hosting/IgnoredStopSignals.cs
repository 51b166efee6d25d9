using System.Globalization;

namespace Steward.Server.Hosting;

/// <summary>
/// The stop signals (SIGINT, SIGTERM) this process ignores. A process inherits ignored signals from the program
/// that started it, and .NET leaves an ignored signal ignored: a server started in the background of a
/// non-interactive shell (<c>steward server &amp;</c> in a script, or a test run started that way) ignores SIGINT,
/// so Ctrl+C and <c>kill -INT</c> do nothing to it. The server keeps that convention and says so at start,
/// so that a server that does not stop on SIGINT is explained by its own log.
/// </summary>
internal static partial class IgnoredStopSignals
{
    private static readonly (int Number, string Name)[] StopSignals = [(2, "SIGINT"), (15, "SIGTERM")];

    /// <summary>The stop signals ignored according to a <c>/proc/PID/status</c> text (its <c>SigIgn</c> mask); none when it has no mask.</summary>
    public static IReadOnlyList<string> In(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal)
                && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
            {
                return [.. StopSignals.Where(s => (mask & (1UL << (s.Number - 1))) != 0).Select(s => s.Name)];
            }
        }

        return [];
    }

    /// <summary>Logs a warning for each stop signal this process ignores (Linux; elsewhere nothing is known, nothing is said).</summary>
    public static void Report(ILogger log)
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return;
        }

        foreach (var signal in In(File.ReadAllText(Status)))
        {
            LogIgnored(log, signal);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Signal} is ignored by this process, as it was by the program that started it (a background job of a non-interactive shell, for one): it will not stop the server")]
    private static partial void LogIgnored(ILogger log, string signal);
}
