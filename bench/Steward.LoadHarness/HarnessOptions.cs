using System.Globalization;

namespace Steward.LoadHarness;

/// <summary>The command line of <c>register</c>.</summary>
/// <param name="Url">The server, e.g. <c>http://127.0.0.1:5290</c>; only a loopback address is accepted.</param>
/// <param name="TokenFile">The administrator token file the server wrote in its data directory.</param>
/// <param name="Clients">How many clients to enroll.</param>
/// <param name="Concurrency">How many enrollments are in flight at once.</param>
/// <param name="Output">Where clients.txt, cycles.tsv and cycle-response.json go.</param>
/// <param name="Timeout">The whole run's bound.</param>
public sealed record HarnessOptions(Uri Url, string TokenFile, int Clients, int Concurrency, string Output, TimeSpan Timeout)
{
    public static HarnessOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");
        int Count(string name, string fallback, int max)
        {
            var text = values.GetValueOrDefault(name, fallback);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
                ? n
                : throw new ArgumentException($"{name} must be a whole number from 1 to {max}, not '{text}'");
        }

        var url = new Uri(Get("--url"));
        // The load harness only ever talks to this machine (no load leaves 127.0.0.1).
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"--url must be a loopback address, not {url}");
        }

        return new HarnessOptions(
            url,
            Get("--token-file"),
            Count("--clients", "100000", 1_000_000),
            Count("--concurrency", "8", 256),
            Get("--out"),
            TimeSpan.FromSeconds(Count("--timeout", "1800", 86_400)));
    }
}

/// <summary>A failure the harness explains and stops at.</summary>
public sealed class HarnessException(string message) : Exception(message);
