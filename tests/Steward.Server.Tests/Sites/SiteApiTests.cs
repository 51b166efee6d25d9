using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Sites;

/// <summary>Sites through the admin API: create, read, update, delete, versions, and every refusal.</summary>
public abstract class SiteApiTests : ApiTest
{
    [Fact]
    public async Task Create_CanonicalFormsStored_ReadBackAndListed()
    {
        await Admin.PublishAsync("2.0.1380.1000");

        var created = await Admin.AddSiteAsync("a01", "2.0.1380.1000", "10.1.0.0/16", "10.3.0.10-10.3.0.200", "fd00::/8");
        var read = await Admin.GetFromJsonAsync(Routes.Site("A01"), ProtocolJson.Default.SiteView);
        var list = await Admin.GetFromJsonAsync(Routes.Sites, ProtocolJson.Default.IReadOnlyListSiteView);

        Assert.Equal(("A01", "2.00.1380.1000", "2.00.1380.1xxx"), (created.Code, created.Version, created.Line));
        Assert.Equal(created with { Boundaries = [] }, read! with { Boundaries = [] });
        Assert.Equal(["10.1.0.0/16", "10.3.0.10-10.3.0.200", "fd00::/8"], read.Boundaries);
        Assert.Equal(["A01"], list!.Select(s => s.Code));
    }

    [Fact]
    public async Task Create_BadCodeVersionAndBoundary_EachNamedByField_NothingWritten()
    {
        var response = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("A0!", null, "2.0.1380", ["10.1.0.5/16", "10.1.0.0/16"]), ProtocolJson.Default.SiteRequest);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Contains("'!' is not a letter or digit", problem.Errors!["code"][0], StringComparison.Ordinal);
        Assert.Contains("four", problem.Errors["version"][0], StringComparison.Ordinal);
        Assert.Contains("host bits", problem.Errors["boundaries[0]"][0], StringComparison.Ordinal);
        Assert.False(problem.Errors.ContainsKey("boundaries[1]"));
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Sites, ProtocolJson.Default.IReadOnlyListSiteView))!);
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry))!);
    }

    [Fact]
    public async Task Create_VersionWithoutPackage_Refused409()
    {
        var response = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("A01", null, "2.00.1380.1000", []), ProtocolJson.Default.SiteRequest);

        var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, response);
        Assert.Contains("no package of version 2.00.1380.1000", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Twice_Conflict()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000");

        var again = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("a01", null, "2.00.1380.1000", []), ProtocolJson.Default.SiteRequest);

        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task SetVersion_RefusedUnlessPublished_ThenApplied_AndAudited()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000", "10.1.0.0/16");

        var refused = await Admin.PutAsJsonAsync(Routes.Site("A01") + "/version", new SiteVersionRequest("2.00.1493.2000"), ProtocolJson.Default.SiteVersionRequest);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, refused);
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.SetSiteVersionAsync("A01", "2.00.1493.2000");

        var site = await Admin.GetFromJsonAsync(Routes.Site("A01"), ProtocolJson.Default.SiteView);
        Assert.Equal(("2.00.1493.2000", 2L), (site!.Version, site.Revision));
        var audit = await Admin.GetFromJsonAsync(Routes.Audit, ProtocolJson.Default.IReadOnlyListAuditEntry);
        Assert.Equal(["site.version", "package.publish", "site.create", "package.publish"], audit!.Select(a => a.Action));
        Assert.All(audit!, a => Assert.Equal("admin", a.Actor));
        Assert.Contains("2.00.1493.2000", audit![0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithStaleRevision_PreconditionFailed()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000");
        using var request = new HttpRequestMessage(HttpMethod.Put, Routes.Site("A01"))
        {
            Content = JsonContent.Create(new SiteRequest(null, "HQ", "2.00.1380.1000", ["10.9.0.0/16"]), ProtocolJson.Default.SiteRequest),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));

        var stale = await Admin.SendAsync(request);

        await Expect.ProblemAsync(HttpStatusCode.PreconditionFailed, stale);
        var site = await Admin.GetFromJsonAsync(Routes.Site("A01"), ProtocolJson.Default.SiteView);
        Assert.Null(site!.Name);
    }

    [Fact]
    public async Task Delete_RefusedWhileOnLogonPoint_ThenDeleted()
    {
        await Admin.PublishAsync("2.00.1380.1000");
        await Admin.AddSiteAsync("A01", "2.00.1380.1000");
        await Admin.AddLogonPointAsync("DC1", ["A01"]);

        var refused = await Admin.DeleteAsync(Routes.Site("A01"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, refused);
        Assert.Contains("DC1", problem.Detail, StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Admin.DeleteAsync(Routes.LogonPoint("DC1")));
        await Expect.StatusAsync(HttpStatusCode.NoContent, await Admin.DeleteAsync(Routes.Site("A01")));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, await Admin.GetAsync(Routes.Site("A01")));
    }

    [Fact]
    public async Task NoToken_WrongToken_Unauthorized()
    {
        var none = await App.Anonymous.GetAsync(Routes.Sites);
        using var wrong = App.Client(new AuthenticationHeaderValue("Bearer", "stw_admin_not-the-token"));
        var bad = await wrong.PostAsJsonAsync(Routes.Sites, new SiteRequest("A01", null, "2.00.1380.1000", []), ProtocolJson.Default.SiteRequest);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, none);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, bad);
    }

    [Fact]
    public async Task NotJson_OrWrongType_ProblemNamesTheField()
    {
        using var notJson = new StringContent("{\"code\": \"A01\", ", System.Text.Encoding.UTF8, "application/json");
        using var trailing = new StringContent("{\"code\": \"A01\", \"version\": \"2.00.1380.1000\", \"boundaries\": []} {}", System.Text.Encoding.UTF8, "application/json");
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        using var wrongType = new StringContent("{\"code\": \"A01\", \"version\": 5, \"boundaries\": []}", System.Text.Encoding.UTF8, "application/json");

        await Expect.FieldErrorAsync(await Admin.PostAsync(Routes.Sites, notJson), "body");
        await Expect.FieldErrorAsync(await Admin.PostAsync(Routes.Sites, trailing), "body");
        await Expect.FieldErrorAsync(await Admin.PostAsync(Routes.Sites, empty), "body");
        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Sites, ProtocolJson.Default.IReadOnlyListSiteView))!);
        await Expect.FieldErrorAsync(await Admin.PostAsync(Routes.Sites, wrongType), "version");
    }

    [Fact]
    public async Task OversizedBody_PayloadTooLarge()
    {
        var boundaries = Enumerable.Range(0, 9000).Select(i => $"10.{i / 256}.{i % 256}.1").ToArray();

        var response = await Admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("A01", null, "2.00.1380.1000", boundaries), ProtocolJson.Default.SiteRequest);

        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, response);
    }
}

public sealed class SiteApiOnSqlite : SiteApiTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class SiteApiOnPostgres : SiteApiTests
{
    protected override Engine Engine => Engine.Postgres;
}
