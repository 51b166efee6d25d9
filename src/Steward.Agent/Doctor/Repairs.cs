using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Platform;
using Steward.Agent.State;
using Steward.Agent.Update;
using Steward.Packaging;

namespace Steward.Agent.Doctor;

/// <summary>
/// What <c>doctor --repair</c> does, with the agent's lock held, each step leaving a working agent if it is
/// killed: damaged files of a version are restored from the Debian package's copy of that version (each file
/// checked in staging, then renamed over the damaged one, one atomic step per file); without a copy, a damaged
/// current version gives way to the kept previous one (one pointer switch), and the server brings it back at
/// the next cycle; a damaged kept version is removed; a damaged state file is restored from the last copy
/// written whole. Returns what it did in words.
/// </summary>
/// <param name="layout">The agent's directory.</param>
/// <param name="console">Where the steps are announced.</param>
/// <param name="time">The clock.</param>
/// <param name="copy">The Debian package's copy, or null when there is none (or it is damaged itself).</param>
internal sealed class Repairs(AgentLayout layout, AgentConsole console, TimeProvider time, PackageCopy? copy)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>Where the steps are announced.</summary>
    public AgentConsole Console { get; } = console;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The Debian package's copy, or null when there is none (or it is damaged itself).</summary>
    public PackageCopy? Copy { get; } = copy;

    /// <summary>Runs every repair.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();

        // Before recovery, which would remove a version directory without its marker.
        await AttemptAsync(done, () => RestoreCurrentMarkerAsync(done, cancellationToken)).ConfigureAwait(false);
        done.AddRange(new Recovery(Layout, Time).Run().Select(line => "recovery: " + line));
        RestoreState(done);
        await AttemptAsync(done, () => RepairVersionsAsync(done, cancellationToken)).ConfigureAwait(false);
        await AttemptAsync(done, () => RestorePointerAsync(done, cancellationToken)).ConfigureAwait(false);
        return done;
    }

    // A repair refused (the copy's program fails its health check, a file of the copy does not match) is said in
    // words among the repairs, and the checks after the repairs say what remains.
    private static async Task AttemptAsync(List<string> done, Func<Task> repair)
    {
        try
        {
            await repair().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AgentException or PackageException)
        {
            done.Add($"not repaired: {e.Message}");
        }
    }

    private async Task RestoreCurrentMarkerAsync(List<string> done, CancellationToken cancellationToken)
    {
        var versions = new VersionStore(Layout);
        var current = new CurrentPointer(Layout).Read();
        if (current is null || Copy?.Version != current || !Directory.Exists(Layout.VersionDirectory(current)) || versions.Marker(current) is not null)
        {
            return;
        }

        var replaced = Replace(current);
        var marker = Copy.Marker(Time.GetUtcNow());
        await HealthCheck.RunAsync(versions.EntryPointPath(marker), current, cancellationToken).ConfigureAwait(false);
        versions.MarkComplete(marker);
        done.Add($"{current}, the current version, had lost its marker; its files were checked against the package's copy in {Copy.Directory}"
            + (replaced > 0 ? $" ({replaced} restored from it)" : "") + ", it passed its health check, and its marker is written again");
    }

    private void RestoreState(List<string> done)
    {
        var store = new StateStore(Layout);
        var load = store.Load();
        if (load.Ok || load.Missing)
        {
            return;
        }

        var backup = store.LoadLastGood();
        if (!backup.Ok)
        {
            done.Add($"not repaired: {load.Problem} No copy of it written whole is left ({Layout.StateBackup}); move it aside and run 'steward-agent install' to enroll again");
            return;
        }

        var aside = $"{Layout.StateFile}.damaged-{Time.GetUtcNow():yyyyMMddHHmmss}";
        File.Copy(Layout.StateFile, aside, overwrite: true);
        store.Save(backup.State);
        done.Add($"the state file was damaged; it is restored from the last copy written whole ({Layout.StateBackup}), and the damaged one kept as {aside}");
    }

    private async Task RepairVersionsAsync(List<string> done, CancellationToken cancellationToken)
    {
        var versions = new VersionStore(Layout);
        var pointer = new CurrentPointer(Layout);
        foreach (var version in versions.Complete().Select(v => v.ToString()))
        {
            if (versions.Marker(version) is not { Files: { } files } || VersionFiles.Problems(Layout.VersionDirectory(version), files) is not { Count: > 0 } problems)
            {
                continue;
            }

            var current = pointer.Read();
            var damage = string.Join("; ", problems);
            if (Copy?.Version == version && Copy.Manifest.Files.SequenceEqual(files))
            {
                var replaced = Replace(version);
                if (version == current)
                {
                    await HealthCheck.RunAsync(Path.Combine(Layout.VersionDirectory(version), Copy.Manifest.EntryPoint), version, cancellationToken).ConfigureAwait(false);
                }

                done.Add($"{version} was damaged ({damage}); {replaced} file(s) restored from the package's copy in {Copy.Directory}");
            }
            else if (version != current)
            {
                versions.Remove(version);
                done.Add($"removed {version}, a kept version whose files were damaged ({damage}); there is no copy of it here to restore it from");
            }
            else if (await PreviousAsync(versions, version, cancellationToken).ConfigureAwait(false) is { } previous)
            {
                Console.Step(UpdateSteps.Switch, previous, $"pointing the agent at the kept previous version {previous} (it was the damaged {version})");
                pointer.Switch(previous);
                versions.Remove(version);
                done.Add($"{version} was damaged ({damage}); the agent is back on the kept previous version {previous}, and {version} is removed: "
                    + "the next maintenance cycle installs it again from the server");
            }
            else
            {
                done.Add($"not repaired: {version} is damaged ({damage}), and there is neither a kept previous version nor a copy of it "
                    + "(apt-get install --reinstall steward-agent puts one in /usr/lib/steward-agent; then run doctor --repair again)");
            }
        }
    }

    private async Task RestorePointerAsync(List<string> done, CancellationToken cancellationToken)
    {
        var versions = new VersionStore(Layout);
        var pointer = new CurrentPointer(Layout);
        var current = pointer.Read();
        if ((current is not null && versions.Marker(current) is not null) || Copy is null || (current == Copy.Version && Directory.Exists(Layout.VersionDirectory(current))))
        {
            return;
        }

        await Copy.PutAsync(Layout, Console, Time, cancellationToken).ConfigureAwait(false);
        Console.Step(UpdateSteps.Switch, Copy.Version, $"pointing the agent at {Copy.Version} (no complete version was current)");
        pointer.Switch(Copy.Version);
        done.Add($"no complete version was current; {Copy.Version} is installed again from the package's copy in {Copy.Directory}");
    }

    // The newest other complete version whose files are whole and whose program answers.
    private async Task<string?> PreviousAsync(VersionStore versions, string damaged, CancellationToken cancellationToken)
    {
        foreach (var candidate in versions.Complete().Select(v => v.ToString()).Where(v => v != damaged).Reverse())
        {
            var marker = versions.Marker(candidate)!;
            if (marker.Files is { } files && VersionFiles.Problems(Layout.VersionDirectory(candidate), files).Count > 0)
            {
                continue;
            }

            try
            {
                await HealthCheck.RunAsync(versions.EntryPointPath(marker), candidate, cancellationToken).ConfigureAwait(false);
                return candidate;
            }
            catch (AgentException)
            {
                // Not a version to fall back to; try an older one.
            }
        }

        return null;
    }

    // Copies the package's files into staging (each checked), then renames each one that differs over the
    // version's file: a program being replaced keeps running from its old file, and each rename is atomic.
    private int Replace(string version)
    {
        var staged = Path.Combine(Layout.Staging, $"{version}.repair.{Environment.ProcessId}");
        var target = Layout.VersionDirectory(version);
        var replaced = 0;
        try
        {
            Console.Step(UpdateSteps.Extract, version, $"copying {Copy!.Directory} into {staged}, checking every file");
            VersionFiles.Copy(Copy.Directory, staged, Copy.Manifest.Files);
            foreach (var file in Copy.Manifest.Files.Where(f => VersionFiles.Problems(target, [f]).Count > 0))
            {
                var path = Path.Combine(target, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                Console.Step(UpdateSteps.Switch, version, $"restoring {file.Path}");
                Durability.RenameOver(Path.Combine(staged, file.Path), path);
                Durability.SyncDirectory(Path.GetDirectoryName(path)!);
                replaced++;
            }
        }
        finally
        {
            if (Directory.Exists(staged))
            {
                Directory.Delete(staged, recursive: true);
            }
        }

        return replaced;
    }
}
