using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Packages;

/// <summary>Publishing packages: checked against the declared version, stored by SHA-256, served with Range and ETag.</summary>
public abstract class PackageApiTests : ApiTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Steward:MaxPackageBytes"] = "100000" };

    [Fact]
    public async Task Publish_StoredByHash_ListedAndAudited()
    {
        var archive = Hosting.Packages.Archive("2.00.1493.2000");

        var response = await Admin.PostPackageAsync("2.0.1493.2000", archive);

        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var package = (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.PackageView))!;
        Assert.Equal(("2.00.1493.2000", Convert.ToHexStringLower(SHA256.HashData(archive)), (long)archive.Length, 2), (package.Version, package.Sha256, package.Size, package.Files));
        Assert.True(File.Exists(Path.Combine(App.Data, "packages", package.Sha256 + ".zip")));
        Assert.Equal(["2.00.1493.2000"], (await Admin.GetFromJsonAsync(Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView))!.Select(p => p.Version));
    }

    [Fact]
    public async Task Publish_ContentOfAnotherVersion_Refused_NothingStored()
    {
        var response = await Admin.PostPackageAsync("2.00.1493.2001", Hosting.Packages.Archive("2.00.1493.2000"));

        var errors = await Expect.FieldErrorAsync(response, "archive");
        Assert.Contains("holds version 2.00.1493.2000", errors[0], StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView))!);
        Assert.Empty(Directory.GetFiles(Path.Combine(App.Data, "packages"), "*.zip"));
    }

    [Fact]
    public async Task Publish_NotAnArchive_BadVersion_TooLarge_Duplicate_Refused()
    {
        await Expect.FieldErrorAsync(await Admin.PostPackageAsync("2.00.1493.2000", [1, 2, 3]), "archive");
        await Expect.FieldErrorAsync(await Admin.PostPackageAsync("2.00.1493", Hosting.Packages.Archive("2.00.1493.2000")), "version");
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, await Admin.PostPackageAsync("2.00.1493.2000", RandomNumberGenerator.GetBytes(150_000)));
        await Admin.PublishAsync("2.00.1493.2000");
        var again = await Admin.PostPackageAsync("2.00.1493.2000", Hosting.Packages.Archive("2.00.1493.2000"));
        Assert.Contains("already published", (await Expect.ProblemAsync(HttpStatusCode.Conflict, again)).Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(App.Data, "packages", "incoming")));
    }

    [Fact]
    public async Task Download_RangeAndETag_ForEnrolledClientsOnly()
    {
        var package = await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC1", ["B01"]);
        var logon = await App.Anonymous.LogonAsync("DC1", secret, "PC-1", ["10.2.0.1"]);
        using var agent = App.Client(AgentApi.Basic(logon.Enrollment!));

        var whole = await agent.GetAsync(logon.Package!.Url);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, logon.Package.Url);
        ranged.Headers.Range = new RangeHeaderValue(10, null);
        ranged.Headers.IfRange = new RangeConditionHeaderValue(whole.Headers.ETag!);
        var tail = await agent.SendAsync(ranged);
        var anonymous = await App.Anonymous.GetAsync(logon.Package.Url);

        await Expect.StatusAsync(HttpStatusCode.OK, whole);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(package.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{package.Sha256}\"", whole.Headers.ETag!.Tag);
        await Expect.StatusAsync(HttpStatusCode.PartialContent, tail);
        Assert.Equal(bytes[10..], await tail.Content.ReadAsByteArrayAsync());
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, anonymous);
    }

    [Fact]
    public async Task Delete_RefusedWhileASiteServesIt()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000");

        var refused = await Admin.DeleteAsync(Routes.Packages + "/2.00.1493.2000");

        Assert.Contains("B01", (await Expect.ProblemAsync(HttpStatusCode.Conflict, refused)).Detail, StringComparison.Ordinal);
    }
}

public sealed class PackageApiOnSqlite : PackageApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class PackageApiOnPostgres : PackageApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
