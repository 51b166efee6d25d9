using System.Security.Cryptography;
using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Packages;

namespace Steward.Agent.Update;

/// <summary>
/// The copy of the agent an operating-system package installs (the program and its <c>steward-package.json</c>
/// in a directory, <c>/usr/lib/steward-agent</c> for the Debian package): read and checked, then put into the
/// versioned layout the way a self-update puts an extracted archive there. <c>place</c> installs from it;
/// <c>doctor --repair</c> restores damaged files of the same version from it.
/// </summary>
/// <param name="Directory">The directory, full path.</param>
/// <param name="Manifest">Its manifest, checked.</param>
/// <param name="ManifestSha256">The SHA-256 of the manifest's bytes, recorded in the marker (there is no archive).</param>
internal sealed record PackageCopy(string Directory, PackageManifest Manifest, string ManifestSha256)
{
    /// <summary>Where the Debian package installs its copy.</summary>
    public const string DebianDirectory = "/usr/lib/steward-agent";

    /// <summary>The manifest's name beside the program.</summary>
    public const string ManifestName = PackageArchive.ManifestName;

    /// <summary>The version the copy holds.</summary>
    public string Version => Manifest.Version;

    /// <summary>Reads the copy in <paramref name="directory"/>; null and why when it is missing, not a manifest, or its files do not match.</summary>
    public static PackageCopy? Read(string directory, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(directory);
        problem = null;
        var source = Path.GetFullPath(directory);
        var path = Path.Combine(source, ManifestName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read {path}: {e.Message}; it comes with the program in the Debian package";
            return null;
        }

        PackageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ProtocolJson.Default.PackageManifest);
        }
        catch (JsonException e)
        {
            problem = $"{path} is not a package manifest: {e.Message}";
            return null;
        }

        if (manifest is not { Format: 1, Files.Count: > 0 } || AgentVersion.TryParse(manifest.Version ?? "") is not { Success: true } version
            || version.Value.ToString() != manifest.Version || !manifest.Files.Any(f => f.Path == manifest.EntryPoint))
        {
            problem = $"{path} is not a format-1 package manifest with a canonical version and its entry point among its files";
            return null;
        }

        var damage = VersionFiles.Problems(source, manifest.Files);
        if (damage.Count > 0)
        {
            problem = $"the package's files in {source} do not match {ManifestName}: {string.Join("; ", damage)}; reinstall the package (apt-get install --reinstall steward-agent)";
            return null;
        }

        return new PackageCopy(source, manifest, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The marker a version placed from this copy gets.</summary>
    public CompleteMarker Marker(DateTimeOffset at) => new(Version, Manifest.EntryPoint, ManifestSha256, at, Manifest.Files);

    /// <summary>
    /// Puts the copy into <c>versions/&lt;version&gt;</c> (replacing an incomplete or damaged directory of that
    /// version, which must not be current): staging, every file checked, moved, health check, marker.
    /// </summary>
    public async Task PutAsync(AgentLayout layout, AgentConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(time);
        var versions = new VersionStore(layout);
        var staging = Path.Combine(layout.Staging, $"{Version}.{Environment.ProcessId}");
        try
        {
            console.Step(UpdateSteps.Extract, Version, $"copying {Directory} into {staging}, checking every file");
            VersionFiles.Copy(Directory, staging, Manifest.Files);
            versions.Remove(Version);
            System.IO.Directory.Move(staging, layout.VersionDirectory(Version));
            Platform.Durability.SyncDirectory(layout.Versions);
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }

        var marker = Marker(time.GetUtcNow());
        console.Step(UpdateSteps.HealthCheck, Version, "checking that it starts and reports its version");
        try
        {
            await HealthCheck.RunAsync(versions.EntryPointPath(marker), Version, cancellationToken).ConfigureAwait(false);
        }
        catch (AgentException)
        {
            versions.Remove(Version);
            throw;
        }

        versions.MarkComplete(marker);
    }
}
