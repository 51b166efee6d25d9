using System.Security.Cryptography;
using System.Text;
using Steward.Cli.Push;

namespace Steward.Cli.Tests.Push;

/// <summary>known_hosts as ssh writes it: plain, hashed and port-qualified names, wildcards, negation, @revoked; --accept-new appends.</summary>
public sealed class KnownHostsTests : IDisposable
{
    private static readonly byte[] Key = [1, 2, 3, 4, 5];
    private static readonly byte[] Other = [9, 9, 9];
    private static readonly byte[] Third = [7, 7, 7, 7];
    private readonly TempDirectory _temp = new();

    private string File => Path.Combine(_temp.Path, "known_hosts");

    [Fact]
    public void APlainName_TrustsItsKey_RefusesAnother_AndKnowsNothingOfOtherHosts()
    {
        Write($"web-1,10.0.0.5 ssh-ed25519 {Convert.ToBase64String(Key)} comment");
        var hosts = new KnownHosts(File);

        Assert.Equal(HostKeyVerdict.Trusted, hosts.Check("web-1", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Trusted, hosts.Check("10.0.0.5", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Changed, hosts.Check("web-1", "ssh-ed25519", Other));
        Assert.Equal(HostKeyVerdict.Changed, hosts.Check("web-1", "ecdsa-sha2-nistp256", Other));
        Assert.Equal(HostKeyVerdict.Unknown, hosts.Check("web-2", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Unknown, hosts.Check("[web-1]:2222", "ssh-ed25519", Key));
    }

    [Fact]
    public void HashedNames_Wildcards_NegationAndRevokedKeys_AreReadAsSshDoes()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // the format's own hash
        var hash = HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes("[db-1]:2222"));
#pragma warning restore CA5350
        Write(
            "# a comment",
            $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} ssh-ed25519 {Convert.ToBase64String(Key)}",
            $"*.lab,!bad.lab ssh-ed25519 {Convert.ToBase64String(Key)}",
            $"@revoked * ssh-ed25519 {Convert.ToBase64String(Other)}",
            $"@cert-authority *.lab ssh-ed25519 {Convert.ToBase64String(Third)}");
        var hosts = new KnownHosts(File);

        Assert.Equal(HostKeyVerdict.Trusted, hosts.Check("[db-1]:2222", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Unknown, hosts.Check("db-1", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Trusted, hosts.Check("PC-7.LAB", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Unknown, hosts.Check("bad.lab", "ssh-ed25519", Key));
        Assert.Equal(HostKeyVerdict.Revoked, hosts.Check("pc-7.lab", "ssh-ed25519", Other));

        // The @cert-authority line names a CA, not a host key: a third key for a host it covers is a changed key.
        Assert.Equal(HostKeyVerdict.Changed, hosts.Check("pc-7.lab", "ssh-ed25519", Third));
    }

    [Fact]
    public void ARevokedKey_IsRefused_EvenWhenALineBeforeItTrustsIt()
    {
        Write($"web-1 ssh-ed25519 {Convert.ToBase64String(Key)}", $"@revoked * ssh-ed25519 {Convert.ToBase64String(Key)}");

        Assert.Equal(HostKeyVerdict.Revoked, new KnownHosts(File).Check("web-1", "ssh-ed25519", Key));
    }

    [Fact]
    public void Add_AppendsALineSshReads_CreatingTheFileOwnerOnly()
    {
        var hosts = new KnownHosts(Path.Combine(_temp.Path, "ssh", "known_hosts"));

        hosts.Add("[10.0.0.9]:2222", "ssh-ed25519", Key);

        Assert.Equal(HostKeyVerdict.Trusted, hosts.Check("[10.0.0.9]:2222", "ssh-ed25519", Key));
        Assert.Equal($"[10.0.0.9]:2222 ssh-ed25519 {Convert.ToBase64String(Key)}\n", System.IO.File.ReadAllText(hosts.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(hosts.Path));
        }
    }

    [Theory]
    [InlineData("web-1", null, "web-1", 22, "web-1")]
    [InlineData("admin@web-1:2222", "admin", "web-1", 2222, "[web-1]:2222")]
    [InlineData("[2001:db8::5]:2200", null, "2001:db8::5", 2200, "[2001:db8::5]:2200")]
    [InlineData("2001:db8::5", null, "2001:db8::5", 22, "2001:db8::5")]
    public void HostSpec_ReadsUserHostAndPort(string text, string? user, string host, int port, string knownHostsName)
    {
        var spec = HostSpec.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal((user, host, port, knownHostsName), (spec!.User, spec.Host, spec.Port, spec.KnownHostsName));
    }

    [Theory]
    [InlineData("web-1:0")]
    [InlineData("web-1:99999")]
    [InlineData("[2001:db8::5")]
    [InlineData("@web-1")]
    [InlineData("we b")]
    public void HostSpec_RefusesWhatIsNotAHost(string text)
    {
        Assert.Null(HostSpec.Parse(text, out var problem));
        Assert.NotNull(problem);
    }

    private void Write(params string[] lines) => System.IO.File.WriteAllLines(File, lines);

    public void Dispose() => _temp.Dispose();
}
