using System.Security.Cryptography;
using System.Text;
using Steward.Agent.Cli;
using Steward.Agent.Layout;
using Steward.Agent.Net;
using Steward.Agent.Update;
using Steward.Protocol.Agent;

namespace Steward.Agent.Tests.Infrastructure;

/// <summary>
/// An agent directory, a real loopback server serving packages, and the server's signing key: the world
/// in which the in-process updater tests install, attack and interrupt updates.
/// </summary>
internal sealed class UpdaterWorld : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    private UpdaterWorld(FakeSiteServer server, string? root)
    {
        Server = server;
        Layout = new AgentLayout(root ?? _temp.Combine("agent"));
        Layout.Create();
        Console = new AgentConsole(_out, _error);
        Connection = new ServerConnection(new NetworkOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1)));
        Updater = new SelfUpdater(Layout, new PackageDownloader(Connection, Console), Console, TimeProvider.System);
    }

    public FakeSiteServer Server { get; }

    public PackageSigner Signer { get; } = new();

    public AgentLayout Layout { get; }

    public AgentConsole Console { get; }

    public ServerConnection Connection { get; }

    public SelfUpdater Updater { get; }

    /// <summary>Everything the updater wrote to standard error.</summary>
    public string Errors => _error.ToString();

    public string? Current => new CurrentPointer(Layout).Read();

    /// <summary>The client this agent is.</summary>
    public const string ClientId = "client-1";

    /// <summary>The nonce the agent sent in "this" request: offers from <see cref="Package"/> are signed with it.</summary>
    public string Nonce { get; } = Protocol.Signing.Nonce.New();

    /// <summary>The downgrade order <see cref="Package"/> signs a downgrade under.</summary>
    public const string OrderId = "0193a5b2-order";

    /// <summary>What the agent sent in "this" request.</summary>
    public OfferRequest Sent => new(ClientId, Nonce, Current);

    /// <summary>A world whose agent directory is <paramref name="root"/> (default: a new temporary one).</summary>
    public static async Task<UpdaterWorld> StartAsync(string? root = null) => new(await FakeSiteServer.StartAsync(), root);

    /// <summary>
    /// A package of a stand-in agent at <paramref name="version"/> (whose program reports <paramref name="reports"/>), served by the
    /// server; its offer signed whole for this client, <see cref="Nonce"/> and the version installed now (with
    /// <paramref name="downgrade"/>, as a downgrade under order <see cref="OrderId"/> from the installed version to it).
    /// </summary>
    public (byte[] Archive, PackageOffer Offer) Package(string version, string? reports = null, bool downgrade = false, PackageSigner? signer = null, int ballastBytes = 0)
    {
        var directory = FakeAgentBuild.Create(_temp.Path, version, reports);
        if (ballastBytes > 0)
        {
            // Random bytes do not compress: the archive is as large as the ballast.
            File.WriteAllBytes(Path.Combine(directory, "ballast.bin"), RandomNumberGenerator.GetBytes(ballastBytes));
        }

        var archive = PackageSigner.Archive(directory, version);
        Server.Serve(archive);
        var by = signer ?? Signer;
        var offer = by.Offer(archive, version, downgrade: downgrade);
        return (archive, downgrade
            ? by.Downgrade(offer, ClientId, Nonce, Current!, new Protocol.Signing.SignedOrder(OrderId, "B01", Current!, version))
            : by.Signed(offer, ClientId, Nonce, Current));
    }

    public Task<UpdateResult> ApplyAsync(PackageOffer offer, string? pinnedKey = null, OfferRequest? sent = null) =>
        Updater.ApplyAsync(offer, Server.Origin, pinnedKey ?? Signer.PublicKey, sent ?? Sent, new ClientCredentials(ClientId, "secret-1"), CancellationToken.None);

    /// <summary>Installs <paramref name="version"/> and checks that it worked.</summary>
    public async Task InstallAsync(string version)
    {
        var result = await ApplyAsync(Package(version).Offer);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(version, Current);
    }

    /// <summary>Applies a forged or mismatched offer: refused for <paramref name="why"/>, before any download, with nothing installed touched.</summary>
    public async Task AssertRefusedAsync(PackageOffer offer, string why, OfferRequest? sent = null)
    {
        var before = Fingerprint();
        var downloads = Server.Ranges.Count;

        var result = await ApplyAsync(offer, sent: sent);

        Assert.False(result.Succeeded, result.Message);
        Assert.Contains(why, result.Message, StringComparison.Ordinal);
        Assert.Contains("is untouched", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
        Assert.Equal(downloads, Server.Ranges.Count);
    }

    /// <summary>The pointer and every file of every version with its hash: equal before and after means nothing installed was touched.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder($"current={Current}\n");
        foreach (var file in Directory.EnumerateFiles(Layout.Versions, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(Layout.Root, file)).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        Signer.Dispose();
        await Server.DisposeAsync();
        _temp.Dispose();
        _out.Dispose();
        _error.Dispose();
    }
}
