using System.Globalization;
using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Net;
using Steward.Agent.Platform;
using Steward.Packaging;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Protocol.Packages;

namespace Steward.Agent.Update;

/// <summary>
/// Carries out a package decision: checks the whole signed offer against the server key the agent pins
/// (<see cref="OfferCheck"/>), refusing an older version unless the server signed a downgrade order for
/// exactly the running version and the offered one (a downgrade goes through the very same steps), downloads with resume,
/// extracts into staging verifying every file, moves the result to <c>versions/&lt;version&gt;</c>, runs its
/// health check, marks it complete, and only then switches the pointer. Until the switch the installed
/// agent is untouched; the previous version is kept after it.
/// </summary>
/// <param name="layout">The agent's directory.</param>
/// <param name="downloader">Fetches archives.</param>
/// <param name="console">Where the steps are announced.</param>
/// <param name="time">The clock.</param>
internal sealed class SelfUpdater(AgentLayout layout, PackageDownloader downloader, AgentConsole console, TimeProvider time)
{
    /// <summary>The agent's directory.</summary>
    public AgentLayout Layout { get; } = layout;

    /// <summary>Fetches archives.</summary>
    public PackageDownloader Downloader { get; } = downloader;

    /// <summary>Where the steps are announced.</summary>
    public AgentConsole Console { get; } = console;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Installs <paramref name="offer"/>; never throws for a bad package or a network failure, returns why instead.</summary>
    public async Task<UpdateResult> ApplyAsync(PackageOffer offer, Uri server, string? pinnedKey, OfferRequest request, ClientCredentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(request);
        var pointer = new CurrentPointer(Layout);
        var running = pointer.Read();
        try
        {
            var signed = OfferCheck.Check(offer, pinnedKey, request, running);
            if (signed is null)
            {
                return new UpdateResult(offer.Version, true, $"Version {running} is already installed and running.", running, false);
            }

            var version = signed.Version;
            await InstallAsync(offer, signed, server, credentials, cancellationToken).ConfigureAwait(false);
            Console.Step(UpdateSteps.Switch, version, $"pointing the agent at {version} (it was {running ?? "not installed"})");
            pointer.Switch(version);
            Console.Step(UpdateSteps.Switched, version, $"{version} is the installed agent");
            var words = running is null
                ? $"Installed version {version}."
                : AgentVersion.TryParse(running) is { Success: true } before && AgentVersion.Parse(version) < before.Value
                    ? $"Downgraded from {running} to {version} under the administrator's signed downgrade order; {running} is kept as the previous version."
                    : $"Upgraded from {running} to {version}; {running} is kept as the previous version.";
            return new UpdateResult(version, true, string.Join(' ', CleanUp(signed, keep: running).Prepend(words)), version, false);
        }
        catch (PackageException e)
        {
            return Refused(offer, running, e.Message, transient: false);
        }
        catch (AgentException e)
        {
            return Refused(offer, running, e.Message, e.Transient);
        }
        catch (IOException e)
        {
            return Refused(offer, running, $"A file operation failed ({e.Message}).", transient: true);
        }
        catch (UnauthorizedAccessException e)
        {
            return Refused(offer, running, $"A file operation was not permitted ({e.Message}).", transient: true);
        }
    }

    private async Task InstallAsync(PackageOffer offer, SignedManifest signed, Uri server, ClientCredentials? credentials, CancellationToken cancellationToken)
    {
        var version = signed.Version;
        var versions = new VersionStore(Layout);
        var existing = versions.Marker(version);
        if (existing is not null && existing.Sha256 == signed.Sha256)
        {
            // Complete already: an earlier run got this far, or it is the kept previous version.
            Console.Step(UpdateSteps.HealthCheck, version, "already in place; checking that it starts and reports its version");
            await HealthCheck.RunAsync(versions.EntryPointPath(existing), version, cancellationToken).ConfigureAwait(false);
            return;
        }

        var url = new Uri(server, offer.Url);
        var partial = Layout.Partial(signed.Sha256);
        Console.Step(UpdateSteps.Download, version, string.Create(CultureInfo.InvariantCulture, $"downloading {signed.Size} bytes from {url}"));
        await Downloader.DownloadAsync(url, signed.Size, signed.Sha256, credentials, partial, cancellationToken).ConfigureAwait(false);
        Console.Step(UpdateSteps.Verified, version, "size and SHA-256 match the manifest signed by the pinned server key");

        var staging = Path.Combine(Layout.Staging, $"{version}.{Environment.ProcessId}");
        PackageManifest manifest;
        var target = Layout.VersionDirectory(version);
        try
        {
            Console.Step(UpdateSteps.Extract, version, $"extracting into {staging}, checking every file");
            try
            {
                using var archive = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read);
                manifest = PackageArchive.Extract(archive, staging);
            }
            catch (PackageException)
            {
                // The signed archive itself is bad: downloading it again would not help.
                File.Delete(partial);
                throw;
            }

            if (manifest.Version != version || manifest.EntryPoint != signed.EntryPoint)
            {
                File.Delete(partial);
                throw new PackageException($"The archive holds version {manifest.Version} with entry point {manifest.EntryPoint}, but its signed manifest says {version} with {signed.EntryPoint}; refused.");
            }

            SyncTree(staging);
            if (Directory.Exists(target))
            {
                versions.Remove(version);
            }

            Directory.Move(staging, target);
            Durability.SyncDirectory(Layout.Versions);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        var marker = new CompleteMarker(version, signed.EntryPoint, signed.Sha256, Time.GetUtcNow(), manifest.Files);
        Console.Step(UpdateSteps.HealthCheck, version, "checking that the new version starts and reports its version");
        try
        {
            await HealthCheck.RunAsync(versions.EntryPointPath(marker), version, cancellationToken).ConfigureAwait(false);
        }
        catch (AgentException)
        {
            versions.Remove(version);
            throw;
        }

        versions.MarkComplete(marker);
    }

    // After the switch: the download is no longer needed, and only the new and the previous version are kept.
    // Best effort, each part on its own: the new version is installed and running whatever fails here, so a
    // failure is said (and returned, for the result's words) but refuses nothing.
    private List<string> CleanUp(SignedManifest signed, string? keep)
    {
        var failures = new List<string>();
        var partial = Layout.Partial(signed.Sha256);
        BestEffort(failures, $"the download {Path.GetFileName(partial)}", () =>
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        });
        var versions = new VersionStore(Layout);
        foreach (var old in versions.Complete().Select(v => v.ToString()).Where(v => v != signed.Version && v != keep))
        {
            BestEffort(failures, $"the old version {old}", () => versions.Remove(old));
        }

        foreach (var failure in failures)
        {
            Console.Problem($"update to {signed.Version}: {failure}");
        }

        return failures;
    }

    private static void BestEffort(List<string> failures, string what, Action remove)
    {
        try
        {
            remove();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failures.Add($"Removing {what} failed ({e.Message}); it is tried again later (the next start removes a leftover download or an incomplete version, the next update a complete old one).");
        }
    }

    private UpdateResult Refused(PackageOffer offer, string? running, string why, bool transient)
    {
        var words = $"{why} The installed agent ({running ?? "none"}) is untouched.";
        Console.Problem($"update to {offer.Version} not done: {words}");
        return new UpdateResult(offer.Version, false, words, running, transient);
    }

    private static void SyncTree(string root)
    {
        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
        {
            Durability.SyncDirectory(directory);
        }
    }
}
