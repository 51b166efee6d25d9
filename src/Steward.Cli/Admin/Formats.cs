using System.Globalization;

namespace Steward.Cli.Admin;

/// <summary>How the admin tables print numbers, sizes, times and lists.</summary>
internal static class Formats
{
    /// <summary>What an empty value prints as.</summary>
    public const string None = "none";

    /// <summary>A count with thousands separators.</summary>
    public static string Number(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count and its noun, plural when it is not one.</summary>
    public static string Count(long count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>A size in bytes, KiB, MiB or GiB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };

    /// <summary>A time in UTC, to the second.</summary>
    public static string When(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never";

    /// <summary>A list joined by commas, or <see cref="None"/>.</summary>
    public static string List(IEnumerable<string>? items) => items is null || !items.Any() ? None : string.Join(", ", items);

    /// <summary>A version, or <see cref="None"/> for no agent.</summary>
    public static string Version(string? version) => version ?? None;

    /// <summary>Values given as repeated options, each of which may also hold several separated by commas.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
