using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Protocol.Admin;

namespace Steward.Cli.LogonPoints;

/// <summary>Logon points as tables for people.</summary>
internal static class LogonPointTables
{
    /// <summary>The package a logon point hands out, with the senior site it comes from.</summary>
    public static string Package(LogonPointView point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var package = point.PackageVersion is null
            ? "no package yet"
            : $"{point.PackageVersion}, the package of senior site {point.EffectiveSenior}{(point.Senior is null ? "" : " (named by an administrator)")}";
        return point.RolloutPackageVersion is { } served
            ? $"{package}; or {served} to a computer that rollout {Formats.List(point.Rollouts ?? [])} serves its new version (it depends on the computer)"
            : package;
    }

    /// <summary>One row per logon point.</summary>
    public static Table List(IReadOnlyList<LogonPointView> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Logon point", "Sites", "Senior site", "Package");
        foreach (var point in points)
        {
            var senior = point.EffectiveSenior is null ? Formats.None : point.Senior is null ? $"{point.EffectiveSenior} (newest)" : $"{point.EffectiveSenior} (named)";
            table.AddRow(new Text(point.Name), new Text(Formats.List(point.Sites)), new Text(senior), new Text(Versions(point)));
        }

        return table;
    }

    // During a rollout that changes it, both packages: which one a computer gets depends on the computer.
    private static string Versions(LogonPointView point) =>
        point.RolloutPackageVersion is { } served ? $"{point.PackageVersion ?? Formats.None} or {served} (rollout)" : point.PackageVersion ?? Formats.None;
}
