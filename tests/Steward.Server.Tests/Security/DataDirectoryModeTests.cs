using System.Net.Http.Json;
using System.Runtime.Versioning;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Security;

/// <summary>
/// The database holds the package-signing key: the data directory and everything the server keeps in it
/// (and in a packages directory elsewhere) is readable by the server's user alone, from the first start,
/// and a directory found looser is tightened at start with a warning naming each path.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryModeTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;
    private const UnixFileMode Loose = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode LooseDirectory = PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("steward-modes-").FullName;

    // Not made by the test, so that the server creates them: a directory that exists is not the server's to make.
    private string Data => Path.Combine(_root, "data");

    private string Packages => Path.Combine(_root, "shared-packages");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstStart_DirectoriesAreOwnerOnly_AndEveryFileInThem(bool packagesElsewhere)
    {
        var packages = packagesElsewhere ? Packages : Path.Combine(Data, "packages");
        await using var server = await ServerProcess.StartAsync(Data, packagesElsewhere ? ["--packages", Packages] : []);
        using var admin = server.Client(admin: true);
        await admin.PublishAsync("2.00.1493.2000");

        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(Data));
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(packages));
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(Path.Combine(packages, "incoming")));
        var files = new[] { "steward.db", "steward.db-wal", "steward.db-shm", "steward.db.lock", "admin-token" }
            .Select(name => Path.Combine(Data, name))
            .Concat(Directory.GetFiles(packages, "*.zip"))
            .ToList();
        Assert.Equal(6, files.Count(File.Exists));
        Assert.All(files, file => Assert.Equal((file, Private), (file, File.GetUnixFileMode(file))));
    }

    [Fact]
    public async Task Reopened_AfterModesWereLoosened_TightensEachAndSaysSo()
    {
        await using (var first = await ServerProcess.StartAsync(Data))
        {
            using var admin = first.Client(admin: true);
            await admin.PublishAsync("2.00.1493.2000");

            // Killed, so that the WAL and the shared-memory file stay behind as after a crash.
            await first.KillAsync();
        }

        var incoming = Path.Combine(Data, "packages", "incoming");
        var abandoned = Path.Combine(incoming, "cut-off.partial");
        File.WriteAllText(abandoned, "an upload a crash cut off");
        var directories = new[] { Data, Path.Combine(Data, "packages"), incoming };
        var files = new[] { "steward.db", "steward.db-wal", "steward.db-shm", "steward.db.lock", "admin-token" }
            .Select(name => Path.Combine(Data, name))
            .Concat(Directory.GetFiles(Path.Combine(Data, "packages"), "*.zip"))
            .Append(abandoned)
            .ToList();
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        foreach (var directory in directories)
        {
            File.SetUnixFileMode(directory, LooseDirectory);
        }

        foreach (var file in files)
        {
            File.SetUnixFileMode(file, Loose);
        }

        await using var reopened = await ServerProcess.StartAsync(Data);

        foreach (var directory in directories)
        {
            Assert.Equal((directory, PrivateDirectory), (directory, File.GetUnixFileMode(directory)));
            Assert.Contains($"{directory} had mode 0755, open to other users; its mode is now 0700", reopened.Output, StringComparison.Ordinal);
        }

        foreach (var file in files)
        {
            Assert.Equal((file, Private), (file, File.GetUnixFileMode(file)));
            Assert.Contains($"{file} had mode 0644, open to other users; its mode is now 0600", reopened.Output, StringComparison.Ordinal);
        }

        Assert.Contains("warn: Steward.Server.Security.PrivateDirectories", reopened.Output, StringComparison.Ordinal);
        using var again = reopened.Client(admin: true);
        var packages = await again.GetFromJsonAsync(Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView);
        Assert.Equal("2.00.1493.2000", Assert.Single(packages!).Version);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
