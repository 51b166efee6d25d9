using System.Globalization;
using Steward.Agent.Layout;
using Steward.Agent.State;
using Steward.Agent.Update;
using Steward.Protocol.Signing;

namespace Steward.Agent.Doctor;

/// <summary>
/// The checks of <c>steward-agent doctor</c>, read-only: the pointer names a complete version, every kept
/// version's files match the manifest it was installed from (size and SHA-256), the current program starts and
/// reports its version, the state file reads, the server key is pinned, the service is enabled, and the last
/// maintenance cycle is recent.
/// </summary>
internal static class Examination
{
    /// <summary>How old the last maintenance cycle may be (the service runs one every 23 hours, retrying after failures).</summary>
    public static readonly TimeSpan CycleAge = TimeSpan.FromDays(3);

    /// <summary>Where systemd keeps the enablement of a unit wanted by multi-user.target.</summary>
    public const string ServiceWants = "/etc/systemd/system/multi-user.target.wants/steward-agent.service";

    /// <summary>Runs every check.</summary>
    public static async Task<IReadOnlyList<Finding>> RunAsync(AgentLayout layout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(time);
        var findings = new List<Finding>();
        var versions = new VersionStore(layout);
        var current = new CurrentPointer(layout).Read();
        var marker = current is null ? null : versions.Marker(current);
        findings.Add(current is null ? new("pointer", false, "no version is current: nothing is installed, or the pointer is gone")
            : marker is null ? new("pointer", false, $"the pointer names {current}, which is not a complete version (its directory or its marker {AgentLayout.CompleteMarkerName} is missing or unreadable)")
            : new("pointer", true, $"names {current}, a complete version"));
        findings.AddRange(versions.Directories().Select(v => Files(layout, versions, v, current)).OfType<Finding>());
        if (marker is not null)
        {
            findings.Add(await Program(versions.EntryPointPath(marker), marker.Version, cancellationToken).ConfigureAwait(false));
        }

        var load = new StateStore(layout).Load();
        findings.Add(load.Missing ? new("state", true, "no state file: not enrolled yet (steward-agent install --logon-point URL --secret S enrolls)")
            : load.Ok ? new("state", true, $"{layout.StateFile} reads")
            : new("state", false, load.Problem!));
        if (load.Ok && load.State.Enrolled)
        {
            findings.Add(load.State.ServerKey is { } key
                ? new("key", true, $"the server key {KeyFingerprint.Of(key)} is pinned")
                : new("key", false, "no server key is pinned, so no package can be checked; run 'steward-agent install' again with --server-key"));
            findings.Add(LastCycle(load.State, time.GetUtcNow()));
        }

        findings.Add(Service());
        return findings;
    }

    private static Finding? Files(AgentLayout layout, VersionStore versions, string version, string? current)
    {
        var check = $"files {version}";
        if (versions.Marker(version) is not { } marker)
        {
            return version == current ? null : new(check, false, $"versions/{version} has no valid marker: a leftover of an interrupted update, removed by the next run");
        }

        if (marker.Files is null)
        {
            return new(check, true, "not checked: installed before the agent kept the list of each version's files");
        }

        var problems = VersionFiles.Problems(layout.VersionDirectory(version), marker.Files);
        return problems.Count == 0
            ? new(check, true, string.Create(CultureInfo.InvariantCulture, $"{marker.Files.Count} file(s) match the manifest it was installed from (size and SHA-256)"))
            : new(check, false, string.Join("; ", problems));
    }

    private static async Task<Finding> Program(string program, string version, CancellationToken cancellationToken)
    {
        try
        {
            await HealthCheck.RunAsync(program, version, cancellationToken).ConfigureAwait(false);
            return new("program", true, $"{program} starts and reports {version}");
        }
        catch (AgentException e)
        {
            return new("program", false, e.Message);
        }
    }

    private static Finding LastCycle(AgentState state, DateTimeOffset now)
    {
        // Never a cycle: measured from the first thing the agent recorded (its enrollment).
        var since = state.LastCycle ?? (state.History.Count > 0 ? state.History[0].At : (DateTimeOffset?)null);
        if (since is not { } at || now - at <= CycleAge)
        {
            return new("last-cycle", true, state.LastCycle is { } last
                ? string.Create(CultureInfo.InvariantCulture, $"the last maintenance cycle finished at {last:yyyy-MM-dd HH:mm:ss} UTC")
                : "no maintenance cycle has finished yet since enrollment");
        }

        return new("last-cycle", false, string.Create(CultureInfo.InvariantCulture,
            $"{(state.LastCycle is null ? "no maintenance cycle has finished since" : "the last maintenance cycle finished at")} {at:yyyy-MM-dd HH:mm:ss} UTC, more than {CycleAge.TotalDays:0} days ago; is the service running? (systemctl status steward-agent; journalctl -u steward-agent)"));
    }

    private static Finding Service()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/run/systemd/system"))
        {
            return new("service", true, "not checked: systemd does not run here");
        }

        return File.Exists(ServiceWants)
            ? new("service", true, "steward-agent.service is enabled")
            : new("service", false, "steward-agent.service is not enabled: systemctl enable --now steward-agent.path steward-agent");
    }
}
