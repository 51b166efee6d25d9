using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Server.Tests.Hosting;

/// <summary>The admin calls tests set a hierarchy up with; each asserts it succeeded.</summary>
public static class AdminApi
{
    public static async Task<PackageView> PublishAsync(this HttpClient admin, string version)
    {
        var response = await admin.PostPackageAsync(version, Packages.Archive(version));
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.PackageView))!;
    }

    public static Task<HttpResponseMessage> PostPackageAsync(this HttpClient admin, string version, byte[] archive)
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return admin.PostAsync($"{Routes.Packages}?version={Uri.EscapeDataString(version)}", content);
    }

    public static async Task<SiteView> AddSiteAsync(this HttpClient admin, string code, string version, params string[] boundaries)
    {
        var response = await admin.PostAsJsonAsync(Routes.Sites, new SiteRequest(code, null, version, boundaries), ProtocolJson.Default.SiteRequest);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.SiteView))!;
    }

    /// <summary>Creates a logon point and returns its enrollment secret.</summary>
    public static async Task<string> AddLogonPointAsync(this HttpClient admin, string name, string[] sites, string? senior = null)
    {
        var response = await admin.PostAsJsonAsync(Routes.LogonPoints, new LogonPointRequest(name, sites, senior, null), ProtocolJson.Default.LogonPointRequest);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonPointView))!.EnrollmentSecret!;
    }

    public static async Task SetSiteVersionAsync(this HttpClient admin, string code, string version)
    {
        var response = await admin.PutAsJsonAsync(Routes.Site(code) + "/version", new SiteVersionRequest(version), ProtocolJson.Default.SiteVersionRequest);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    public static async Task<ClientHistory> HistoryAsync(this HttpClient admin, string clientId)
    {
        var response = await admin.GetAsync(Routes.Client(clientId));
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ClientHistory))!;
    }

    public static async Task<FleetSummary> FleetAsync(this HttpClient admin)
    {
        var response = await admin.GetAsync(Routes.Fleet);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.FleetSummary))!;
    }

    /// <summary>Makes a named token with a role and returns it with its secret.</summary>
    public static async Task<TokenCreated> CreateTokenAsync(this HttpClient admin, string name, string role, string? expiresIn = null)
    {
        var response = await admin.PostAsJsonAsync(Routes.Tokens, new TokenRequest(name, role, expiresIn), ProtocolJson.Default.TokenRequest);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.TokenCreated))!;
    }

    public static AuthenticationHeaderValue Bearer(this TokenCreated token) => new("Bearer", token?.Secret);
}
