using System.Globalization;
using Spectre.Console;
using Steward.Cli.Admin;
using Steward.Protocol.Admin;

namespace Steward.Cli.Rollouts;

/// <summary>Rollouts for people: a table of them, or one with a bar per state of its clients.</summary>
internal static class RolloutTables
{
    /// <summary>How many characters a full bar has.</summary>
    public const int BarWidth = 30;

    /// <summary>One row per rollout.</summary>
    public static Table List(IReadOnlyList<RolloutView> rollouts)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns("Id", "Site", "From → To", "State", "Started", "Upgrades", "At T");
        foreach (var r in rollouts)
        {
            table.AddRow(
                new Text(r.Id), new Text(r.Site), new Text($"{r.From} → {r.To}"), new Text(r.State), new Text(Formats.When(r.Started)),
                new Text($"{Formats.Number(r.Successes)} ok, {Formats.Number(r.Failures)} failed"),
                new Text(r.Progress is { } p ? $"{Formats.Number(p.AtTarget)} of {Formats.Number(p.Clients)}" : "-"));
        }

        return table;
    }

    /// <summary>The rollout, a bar per state of its clients, the pilot clients waiting, the failures by message.</summary>
    public static void Show(RolloutView rollout, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Rollout {rollout.Id} of {rollout.Site}: {rollout.From} → {rollout.To}, {rollout.State}{(rollout.HaltedIn is { } was ? $" (was {was})" : "")}");
        output.WriteLine($"  Started {Formats.When(rollout.Started)} by {rollout.StartedBy}; window {rollout.Window}; pilot {Formats.Count(rollout.Pilot.Count, "client")}");
        if (rollout.CompletesAt is { } completes)
        {
            output.WriteLine($"  Completes {Formats.When(completes)}");
        }

        if (rollout.HaltReason is { } why)
        {
            output.WriteLine($"  Halted {Formats.When(rollout.HaltedAt)}: {why}");
        }

        output.WriteLine($"  Halt rule: {rollout.Halt}");
        if (rollout.Order is { } order)
        {
            Order(order, output);
        }

        if (rollout.Progress is not { } progress)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"  Clients ({Formats.Number(progress.Clients)})");
        var width = new[] { progress.AtTarget, progress.Scheduled, progress.AttemptsOpen, progress.Failed, progress.NotYetSeen }.Max().ToString(CultureInfo.InvariantCulture).Length;
        foreach (var (label, count) in new[]
                 {
                     ("at " + rollout.To, progress.AtTarget), ("scheduled", progress.Scheduled), ("attempt open", progress.AttemptsOpen),
                     ("failed", progress.Failed), ("not yet seen", progress.NotYetSeen),
                 })
        {
            output.WriteLine($"    {label,-24} {Bar(count, progress.Clients)} {count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}");
        }

        if (progress.PilotWaiting.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  Pilot clients that have not reported");
            foreach (var pilot in progress.PilotWaiting)
            {
                output.WriteLine($"    {pilot.Name} ({pilot.Id}), runs {Formats.Version(pilot.Installed)}");
            }
        }

        if (progress.FailureGroups.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("  Failures by message");
            foreach (var failure in progress.FailureGroups)
            {
                output.WriteLine($"    {failure.Count.ToString(CultureInfo.InvariantCulture).PadLeft(6)}  {failure.Message}");
            }
        }
    }

    // The downgrade order a rollback left, and where the clients stand under it.
    private static void Order(DowngradeOrderView order, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"  Rolled back {Formats.When(order.OrderedAt)} by {order.OrderedBy}{(order.Reason is { } why ? $": {why}" : "")}");
        output.WriteLine(order.EndedAt is { } ended
            ? $"  Downgrade order {order.Id} ({order.From} → {order.To}) ended {Formats.When(ended)}: {order.EndReason}"
            : $"  Downgrade order {order.Id}: clients on {order.From} go back to {order.To} at their next maintenance cycle");
        var progress = order.Progress;
        var whole = progress.StillOnT + progress.AttemptsOpen + progress.Downgraded + progress.Failed;
        var width = Math.Max(1, new[] { progress.StillOnT, progress.AttemptsOpen, progress.Downgraded, progress.Failed }.Max().ToString(CultureInfo.InvariantCulture).Length);
        foreach (var (label, count) in new[]
                 {
                     ("still on " + order.From, progress.StillOnT), ("attempt open", progress.AttemptsOpen), ("downgraded", progress.Downgraded), ("failed", progress.Failed),
                 })
        {
            output.WriteLine($"    {label,-24} {Bar(count, whole)} {count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}");
        }
    }

    /// <summary><c>██████░░░░</c>: <paramref name="part"/> of <paramref name="whole"/> in <see cref="BarWidth"/> characters, a part above 0 at least one.</summary>
    public static string Bar(long part, long whole)
    {
        var filled = whole == 0 ? 0 : (int)Math.Clamp(part * BarWidth / whole, part > 0 ? 1 : 0, BarWidth);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }
}
