using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Http;

/// <summary>
/// Refusals the endpoints' own code does not write — parameter binding, routing, a range past the end of
/// a package — are problem documents with a detail too, and a field at fault is named the one way the
/// API spells it.
/// </summary>
public sealed class ProblemShapeTests(KestrelAppFixture fixture) : IClassFixture<KestrelAppFixture>
{
    private KestrelApp App => fixture.App;

    [Theory]
    [InlineData("/v1/audit?limit=abc")]
    [InlineData("/v1/clients?limit=12x")]
    public async Task ParameterThatDoesNotBind_Is400NamingIt(string path)
    {
        using var admin = App.Admin();

        var errors = await Expect.FieldErrorAsync(await admin.GetAsync(path), "limit");

        Assert.Contains("whole number", errors[0], StringComparison.Ordinal);
        App.Log.AssertNoErrors();
    }

    [Fact]
    public async Task UnknownPath_Is404WithDetail()
    {
        using var admin = App.Admin();

        await Expect.ProblemAsync(HttpStatusCode.NotFound, await admin.GetAsync("/v1/no-such-thing"));
    }

    [Fact]
    public async Task MethodThePathDoesNotAnswer_Is405WithDetail()
    {
        using var admin = App.Admin();

        var problem = await Expect.ProblemAsync(HttpStatusCode.MethodNotAllowed, await admin.DeleteAsync(Routes.Fleet));

        Assert.Contains("GET", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/sites", "text/plain")]
    [InlineData("/v1/packages?version=2.00.1493.2000", "application/json")]
    public async Task ContentTypeTheEndpointDoesNotTake_Is415WithDetail(string path, string contentType)
    {
        using var admin = App.Admin();
        using var body = new StringContent("{}");
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var problem = await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, await admin.PostAsync(path, body));

        Assert.Contains(contentType, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/sites/%21%21", "code")]
    [InlineData("/v1/packages/2.x", "version")]
    public async Task FieldInThePath_IsNamedAsInTheBody(string path, string field)
    {
        using var admin = App.Admin();

        await Expect.FieldErrorAsync(await admin.GetAsync(path), field);
    }

    [Theory]
    [InlineData("/v1/sites/A01/version", "PUT", """{"VERSION": 5}""", "version")]
    [InlineData("/v1/access/A01/cycle", "POST", """{"Addresses": [1]}""", "addresses[0]")]
    [InlineData("/v1/access/A01/cycle", "POST", """{"addresses": [], "LastUpgrade": {"Succeeded": "yes"}}""", "lastUpgrade.succeeded")]
    public async Task FieldSentInAnotherCase_IsNamedInTheApisCase(string path, string method, string json, string field)
    {
        using var admin = await CallerOfAsync(path);
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var errors = await Expect.FieldErrorAsync(await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = body }), field);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task ReportField_IsNamedAsInTheBody()
    {
        using var admin = await CallerOfAsync(Routes.Report("A01"));
        using var body = new StringContent("""{"version":"","succeeded":true,"running":"2.x"}""", System.Text.Encoding.UTF8, "application/json");

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await admin.PostAsync(Routes.Report("A01"), body));

        Assert.Equal(["version"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("/v1/access/A01/cycle")]
    [InlineData("/v1/sites")]
    [InlineData("/v1/logon/DC1")]
    public async Task InvalidUtf8InAJsonString_Is400(string path)
    {
        using var admin = await CallerOfAsync(path);
        using var body = new ByteArrayContent([.. "{\"addresses\":[\""u8, 0xFF, 0xFE, .. "\"],\"code\":\"\""u8, 0xC0, .. "\"}"u8]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, await admin.PostAsync(path, body));
        App.Log.AssertNoErrors();
    }

    [Fact]
    public async Task RangePastTheEndOfAPackage_Is416Problem_WithItsLength()
    {
        using var admin = App.Admin();
        var package = await admin.PublishAsync("2.00.1493.2000");
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Content(package.Sha256));
        request.Headers.Range = new RangeHeaderValue(package.Size + 10, null);

        var response = await admin.SendAsync(request);

        await Expect.ProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable, response);
        Assert.Equal($"bytes */{package.Size}", response.Content.Headers.ContentRange?.ToString());
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    // Credentials are checked before the body: an access point's body is read only for an enrolled client,
    // so those requests go as one (enrolled at a logon point of its own); the others as the administrator.
    private async Task<HttpClient> CallerOfAsync(string path)
    {
        if (!path.StartsWith("/v1/access/", StringComparison.Ordinal))
        {
            return App.Admin();
        }

        using var admin = App.Admin();
        await admin.PostPackageAsync("2.00.1400.1000", Hosting.Packages.Archive("2.00.1400.1000"));
        await admin.PostAsJsonAsync(Routes.Sites, new SiteRequest("Q01", null, "2.00.1400.1000", ["10.9.0.0/16"]), ProtocolJson.Default.SiteRequest);
        var point = $"PS-{Guid.NewGuid():N}"[..20];
        var secret = await admin.AddLogonPointAsync(point, ["Q01"]);
        using var anonymous = App.Client();
        var enrolled = (await anonymous.LogonAsync(point, secret, "PC-SHAPE", ["10.9.0.1"])).Enrollment!;
        return App.Client(AgentApi.Basic(enrolled));
    }
}
