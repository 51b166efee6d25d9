using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;
using Steward.Agent.Update;

namespace Steward.Agent.Tests.Update;

public sealed class SelfUpdaterTests
{
    private const string Old = "2.00.1493.2000";
    private const string Hotfix = "2.00.1493.2001";

    [Fact]
    public async Task Apply_NothingInstalled_InstallsAndPointsAtTheVersion()
    {
        await using var world = await UpdaterWorld.StartAsync();
        var result = await world.ApplyAsync(world.Package(Old).Offer);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Old, world.Current);
        Assert.NotNull(new VersionStore(world.Layout).Marker(Old));
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Staging));
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Downloads));
    }

    [Fact]
    public async Task Apply_NewerVersion_SwitchesAndKeepsThePreviousVersion()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);

        var result = await world.ApplyAsync(world.Package(Hotfix).Offer);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Hotfix, world.Current);
        Assert.Equal([Old, Hotfix], new VersionStore(world.Layout).Complete().Select(v => v.ToString()));
        foreach (var step in new[] { UpdateSteps.Download, UpdateSteps.Verified, UpdateSteps.Extract, UpdateSteps.HealthCheck, UpdateSteps.Switch, UpdateSteps.Switched })
        {
            Assert.Contains($"update: {step} {Hotfix}:", world.Errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Apply_ThirdVersion_KeepsOnlyTheNewAndThePrevious()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync("2.00.1493.1999");
        await world.InstallAsync(Old);
        await world.InstallAsync(Hotfix);

        Assert.Equal([Old, Hotfix], new VersionStore(world.Layout).Complete().Select(v => v.ToString()));
    }

    [Fact]
    public async Task Apply_CleanUpOfAnOldVersionFails_TheUpdateIsDoneAndSaysSo_TheLeftoverGoesAtTheNextStart()
    {
        const string oldest = "2.00.1493.1999";
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(oldest);
        await world.InstallAsync(Old);

        // A mount point inside the oldest version: its files can be deleted, the mount point itself cannot
        // (EBUSY), even by root, so the clean-up after the switch really fails.
        UpdateResult result;
        using (new SmallDisk(megabytes: 1, at: Path.Combine(world.Layout.VersionDirectory(oldest), "busy")))
        {
            result = await world.ApplyAsync(world.Package(Hotfix).Offer);
        }

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((Hotfix, Hotfix), (result.Running, world.Current));
        Assert.StartsWith($"Upgraded from {Old} to {Hotfix}; {Old} is kept as the previous version. Removing the old version {oldest} failed (", result.Message, StringComparison.Ordinal);
        Assert.Contains("Device or resource busy", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("untouched", result.Message, StringComparison.Ordinal);
        Assert.Contains($"update to {Hotfix}: Removing the old version {oldest} failed", world.Errors, StringComparison.Ordinal);
        Assert.Equal([Old, Hotfix], new VersionStore(world.Layout).Complete().Select(v => v.ToString()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Downloads));

        var recovered = new Recovery(world.Layout, TimeProvider.System).Run();

        Assert.Contains($"removed versions/{oldest}, which an interrupted update left incomplete", recovered);
        Assert.Equal([Old, Hotfix], new VersionStore(world.Layout).Directories());
    }

    [Fact]
    public async Task Apply_SameVersion_DoesNothing()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();

        var result = await world.ApplyAsync(world.Package(Old).Offer);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public async Task Apply_TamperedArchive_IsRefusedAndTheInstalledAgentUntouched()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        var (archive, offer) = world.Package(Hotfix);
        var tampered = (byte[])archive.Clone();
        tampered[tampered.Length / 2] ^= 0xFF;

        // The tampered bytes are served under the genuine archive's hash, as a compromised mirror would.
        world.Server.Content = ContentBehaviour.Honest;
        world.Server.Serve(tampered);
        var result = await world.ApplyAsync(offer with { Url = Protocol.Routes.Content(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tampered))) });

        Assert.False(result.Succeeded);
        Assert.Contains("SHA-256", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Downloads));
    }

    [Fact]
    public async Task Apply_ManifestSignedByAnotherKey_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        using var attacker = new PackageSigner();
        var downloads = world.Server.Ranges.Count;

        var result = await world.ApplyAsync(world.Package(Hotfix, signer: attacker).Offer);

        Assert.False(result.Succeeded);
        Assert.Contains("signature does not verify", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.Equal(downloads, world.Server.Ranges.Count);
    }

    [Fact]
    public async Task Apply_NoPinnedKey_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        var offer = world.Package(Old).Offer;

        var result = await world.Updater.ApplyAsync(offer, world.Server.Origin, null, world.Sent, null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("No server key is pinned", result.Message, StringComparison.Ordinal);
        Assert.Empty(world.Server.Ranges);
        Assert.Null(world.Current);
    }

    [Fact]
    public async Task Apply_ReplayedOlderPackage_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Hotfix);
        var before = world.Fingerprint();

        // Even signed for this very request: an older version needs a signed downgrade order.
        var result = await world.ApplyAsync(world.Package(Old).Offer);

        Assert.False(result.Succeeded);
        Assert.Contains("older than the installed", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public async Task Apply_OlderPackageWithDowngradeOrder_IsInstalled()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Hotfix);

        var result = await world.ApplyAsync(world.Package(Old, downgrade: true).Offer);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(Old, world.Current);
        Assert.Contains($"Downgraded from {Hotfix} to {Old}", result.Message, StringComparison.Ordinal);

        // The newer version is kept as the previous one: a complete version beside the running one.
        Assert.NotNull(new Steward.Agent.Layout.VersionStore(world.Layout).Marker(Hotfix));
    }

    [Fact]
    public async Task Apply_OfferThatDisagreesWithItsSignedManifest_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        var offer = world.Package(Hotfix).Offer;

        // Signed as a whole with the wrong size: the server's own offer disagreeing with its manifest.
        var result = await world.ApplyAsync(world.Signer.Signed(offer with { Size = offer.Size + 100 }, UpdaterWorld.ClientId, world.Nonce, world.Current));

        Assert.False(result.Succeeded);
        Assert.Contains("does not match its signed manifest", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public async Task Apply_DownloadLongerThanDeclared_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        world.Server.Content = new ContentBehaviour { ExtraBytes = 1 << 20 };

        var result = await world.ApplyAsync(world.Package(Hotfix).Offer);

        Assert.False(result.Succeeded);
        Assert.Contains("more than the", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Downloads));
    }

    [Fact]
    public async Task Apply_ServerStopsAnsweringMidTransfer_KeepsThePartAndTheNextAttemptResumes()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        var (archive, offer) = world.Package(Hotfix);
        world.Server.Content = new ContentBehaviour { StallAfter = archive.Length / 2, ChunkSize = 1024 };

        var cut = await world.ApplyAsync(offer);

        Assert.False(cut.Succeeded);
        Assert.True(cut.Transient);
        Assert.Contains("sent nothing for", cut.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.Equal(archive.Length / 2, new FileInfo(world.Layout.Partial(offer.Sha256)).Length);

        world.Server.Content = ContentBehaviour.Honest;
        var resumed = await world.ApplyAsync(offer);

        Assert.True(resumed.Succeeded, resumed.Message);
        Assert.Equal(Hotfix, world.Current);
        Assert.Equal($"bytes={archive.Length / 2}-", world.Server.Ranges.Last());
    }

    [Fact]
    public async Task Apply_DiskFull_FailsClearlyLeavesTheAgentUntouchedAndSucceedsOnceThereIsRoom()
    {
        using var disk = new SmallDisk(megabytes: 2);
        await using var world = await UpdaterWorld.StartAsync(Path.Combine(disk.Path, "agent"));
        await world.InstallAsync(Old);
        var before = world.Fingerprint();
        var offer = world.Package(Hotfix, ballastBytes: 3 << 20).Offer;

        var full = await world.ApplyAsync(offer);

        Assert.False(full.Succeeded);
        Assert.True(full.Transient);
        Assert.Contains("No space left on device", full.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Layout.Staging));

        // The operator frees space; the next attempt resumes the download and installs.
        disk.Grow(megabytes: 16);
        var resumed = await world.ApplyAsync(offer);

        Assert.True(resumed.Succeeded, resumed.Message);
        Assert.Equal(Hotfix, world.Current);
        Assert.StartsWith("bytes=", world.Server.Ranges.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_NewVersionFailsItsHealthCheck_IsRemovedAndNotPointedTo()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();

        var result = await world.ApplyAsync(world.Package(Hotfix, reports: "2.00.1493.1234").Offer);

        Assert.False(result.Succeeded);
        Assert.Contains("reports version 2.00.1493.1234", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
        Assert.False(Directory.Exists(world.Layout.VersionDirectory(Hotfix)));
    }

    [Fact]
    public async Task Apply_ArchiveHoldingAnotherVersionThanSigned_IsRefused()
    {
        await using var world = await UpdaterWorld.StartAsync();
        await world.InstallAsync(Old);
        var before = world.Fingerprint();

        // A genuine archive of one version, re-signed as another: the manifest inside gives it away.
        var archive = world.Package("2.00.1493.2005").Archive;
        var offer = world.Signer.Signed(world.Signer.Offer(archive, Hotfix), UpdaterWorld.ClientId, world.Nonce, world.Current);

        var result = await world.ApplyAsync(offer);

        Assert.False(result.Succeeded);
        Assert.Contains("holds version 2.00.1493.2005", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
    }
}
