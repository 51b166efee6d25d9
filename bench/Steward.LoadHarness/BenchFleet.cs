using System.Globalization;

namespace Steward.LoadHarness;

/// <summary>
/// The hierarchy under load: one site whose boundary holds every generated address, one logon point.
/// One site keeps each cycle's answer <c>UpToDate</c>, the steady state of a fleet (docs/RULES.md R3), so the run
/// measures the path every client takes at every maintenance cycle.
/// </summary>
public static class BenchFleet
{
    public const string Site = "L01";

    public const string Version = "2.00.1493.2000";

    public const string LogonPoint = "bench";

    public const string Boundary = "10.0.0.0/8";

    /// <summary>Client <paramref name="index"/>'s one address, distinct for each index below 16 million (starts at 10.0.1.0).</summary>
    public static string Address(int index)
    {
        var n = index + 256;
        return string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }

    public static string ComputerName(int index) => string.Create(CultureInfo.InvariantCulture, $"BENCH-{index:D6}");
}
