using System.Security.Cryptography;
using System.Text.Json;
using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Update;
using Steward.Policy.Placement;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Packages;

namespace Steward.Agent.Flows;

/// <summary>
/// <c>steward-agent place --from DIR</c>, what the Debian package's postinst runs: puts the program the package
/// installed in DIR (with its <c>steward-package.json</c>) into the versioned layout exactly as a self-update
/// would (staging, every file checked, health check, marker, then the pointer), but only when
/// <see cref="PackagePlacement"/> says so: a newer agent that updated itself is never taken down.
/// </summary>
internal static class PlaceFlow
{
    /// <summary>The manifest the Debian package ships beside the program.</summary>
    public const string ManifestName = PackageArchive.ManifestName;

    /// <summary>Places the package's version and returns the exit code.</summary>
    public static async Task<int> RunAsync(AgentContext context, string from, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var session = AgentSession.Open(context);
        if (session is null)
        {
            context.Console.Problem($"another steward-agent is working in {context.Layout.Root}; nothing was done. Try again when it has finished.");
            return ExitCodes.Busy;
        }

        var source = Path.GetFullPath(from);
        if (Read(source, out var problem) is not { } read)
        {
            context.Console.Problem(problem!);
            return ExitCodes.Failed;
        }

        var (manifest, manifestSha256) = read;
        var version = AgentVersion.ParseExact(manifest.Version);
        var versions = new VersionStore(context.Layout);
        var current = session.Pointer.Read();
        var running = current is not null && versions.Marker(current) is not null && AgentVersion.Parse(current) is { Success: true } parsed ? parsed.Value : (AgentVersion?)null;
        var decision = PackagePlacement.Decide(version, running);
        if (decision.Action == PlacementAction.KeepNewer)
        {
            context.Console.Out.WriteLine($"Nothing changed: {decision.Reason}.");
            return ExitCodes.Ok;
        }

        var name = version.ToString();
        var existing = versions.Marker(name);
        var damage = existing?.Files is { } files ? VersionFiles.Problems(context.Layout.VersionDirectory(name), files) : [];
        if (decision.Action == PlacementAction.AlreadyCurrent)
        {
            context.Console.Out.WriteLine(damage.Count == 0
                ? $"Nothing changed: {decision.Reason}."
                : $"{name} is the installed agent, but {string.Join("; ", damage)}; run 'steward-agent doctor --repair'.");
            return damage.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }

        if (existing is null || damage.Count > 0)
        {
            await PutAsync(context, source, manifest, manifestSha256, cancel).ConfigureAwait(false);
        }

        context.Console.Step(UpdateSteps.Switch, name, $"pointing the agent at {name} (it was {current ?? "not installed"})");
        session.Pointer.Switch(name);
        context.Console.Step(UpdateSteps.Switched, name, $"{name} is the installed agent");

        // An enrolled agent records the version and tells its server at the next cycle, as after a self-update.
        session.LoadState();
        context.Console.Out.WriteLine($"Placed: {decision.Reason}.");
        return ExitCodes.Ok;
    }

    private static async Task PutAsync(AgentContext context, string source, PackageManifest manifest, string manifestSha256, CancellationToken cancel)
    {
        var name = manifest.Version;
        var versions = new VersionStore(context.Layout);
        var staging = Path.Combine(context.Layout.Staging, $"{name}.{Environment.ProcessId}");
        try
        {
            context.Console.Step(UpdateSteps.Extract, name, $"copying {source} into {staging}, checking every file");
            VersionFiles.Copy(source, staging, manifest.Files);
            versions.Remove(name);
            Directory.Move(staging, context.Layout.VersionDirectory(name));
            Platform.Durability.SyncDirectory(context.Layout.Versions);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        var marker = new CompleteMarker(name, manifest.EntryPoint, manifestSha256, context.Time.GetUtcNow(), manifest.Files);
        context.Console.Step(UpdateSteps.HealthCheck, name, "checking that it starts and reports its version");
        try
        {
            await HealthCheck.RunAsync(versions.EntryPointPath(marker), name, cancel).ConfigureAwait(false);
        }
        catch (AgentException)
        {
            versions.Remove(name);
            throw;
        }

        versions.MarkComplete(marker);
    }

    private static (PackageManifest Manifest, string Sha256)? Read(string source, out string? problem)
    {
        problem = null;
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

        if (manifest is not { Format: 1, Files.Count: > 0 } || !AgentVersion.Parse(manifest.Version ?? "").Success
            || AgentVersion.ParseExact(manifest.Version!).ToString() != manifest.Version
            || !manifest.Files.Any(f => f.Path == manifest.EntryPoint))
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

        return (manifest, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
