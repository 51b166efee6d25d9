using Steward.Agent.Tests.Infrastructure;

namespace Steward.Agent.Tests.Packaging;

/// <summary>
/// packaging/deb/server/share-admin-token, the server unit's ExecStartPost (run as root), on a small root of its own:
/// as systemd runs it (no DPKG_ROOT at all; in a chroot whose /usr is this computer's, so that it finds its tools),
/// and against a steward user who put a link to a secret file where its token belongs.
/// </summary>
public sealed class ShareAdminTokenTests : IDisposable
{
    private const string Uid = "4300";
    private readonly TempDirectory _temp = new("steward-share-token");

    [RootFact]
    public async Task WithoutDpkgRoot_AsSystemdRunsIt_TheTokenIsSharedWithTheStewardGroup()
    {
        var root = NewRoot();
        await File.WriteAllTextAsync(Path.Combine(root, "var/lib/steward/admin-token"), "the-token");
        File.SetUnixFileMode(Path.Combine(root, "var/lib/steward/admin-token"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, (await Debian.RunAsync("chown", $"{Uid}:{Uid}", Path.Combine(root, "var/lib/steward/admin-token"))).ExitCode);

        // A mount namespace of its own, so that the read-only /usr inside the root is gone with the process.
        var share = await Debian.RunAsync("env", "-u", "DPKG_ROOT", "unshare", "--mount", "--", "sh", "-c",
            "mount --bind -o ro /usr \"$1/usr\" && mount --bind -o ro /etc/alternatives \"$1/etc/alternatives\" && exec chroot \"$1\" /share-admin-token", "sh", root);

        Assert.True(share.ExitCode == 0, share.ToString());
        var token = Path.Combine(root, "etc/steward/admin-token");
        Assert.Equal("the-token", await File.ReadAllTextAsync(token));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(token));
    }

    [RootFact]
    public async Task ALinkInPlaceOfTheToken_IsRefused_AndWhatItNamesIsNotShared()
    {
        var root = NewRoot();
        var secret = Path.Combine(root, "shadow");
        await File.WriteAllTextAsync(secret, "root's secret");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(Path.Combine(root, "var/lib/steward/admin-token"), secret);

        var share = await Debian.RunAsync("env", $"DPKG_ROOT={root}", "sh", Path.Combine(root, "share-admin-token"));

        Assert.NotEqual(0, share.ExitCode);
        Assert.Contains("is not a regular file; nothing shared", share.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "etc/steward/admin-token")));
        Assert.False(File.Exists(Path.Combine(root, "etc/steward/admin-token.new")));
    }

    // The root: the steward user and group, its data directory, /etc/steward, the script at /share-admin-token, and
    // /bin, /lib... as links into /usr (merged /usr), which the chroot run mounts from this computer.
    private string NewRoot()
    {
        var root = _temp.Combine("root");
        foreach (var directory in new[] { "usr", "etc/steward", "etc/alternatives", "var/lib/steward" })
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        foreach (var link in new[] { "bin", "lib", "lib64", "sbin" })
        {
            File.CreateSymbolicLink(Path.Combine(root, link), "usr/" + link);
        }

        File.WriteAllText(Path.Combine(root, "etc/passwd"), $"steward:x:{Uid}:{Uid}::/var/lib/steward:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(root, "etc/group"), $"steward:x:{Uid}:\n");
        File.Copy(Path.Combine(Repository.Root, "packaging/deb/server/share-admin-token"), Path.Combine(root, "share-admin-token"));
        File.SetUnixFileMode(Path.Combine(root, "share-admin-token"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return root;
    }

    public void Dispose() => _temp.Dispose();
}
