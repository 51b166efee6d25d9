using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Security;

/// <summary>
/// The console's endpoints beside the access matrix (which covers the API's operations): every <c>/console</c>
/// endpoint needs a console sign-in except the sign-in page, the error page and the style sheet and script;
/// no API endpoint takes the console's cookie; a bearer token opens no console page; none of them is in the
/// OpenAPI document.
/// </summary>
public abstract class ConsoleAccessRulesTests : ApiTest
{
    private static readonly string[] Anonymous = ["console/sign-in", "console/error/{status:int}", "console/assets/{name}"];

    [Fact]
    public void EveryConsoleEndpoint_NeedsAConsoleSignIn_ButSignInErrorsAndAssets()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var console = endpoints.Where(e => Pattern(e).StartsWith("console", StringComparison.Ordinal)).ToList();
        Assert.True(console.Count >= 12, $"only {console.Count} console endpoints");
        foreach (var endpoint in console)
        {
            var pattern = Pattern(endpoint);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (Anonymous.Contains(pattern))
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }

            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.NotEmpty(policies);
            Assert.All(policies, p => Assert.StartsWith("console-", p, StringComparison.Ordinal));
        }

        var version = console.Single(e => Pattern(e) == "console/sites/{code}/version");
        Assert.Contains("console-operator", version.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        foreach (var api in endpoints.Where(e => Pattern(e).StartsWith("v1/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(api.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy?.StartsWith("console-", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task ABearerToken_OpensNoConsolePage_AndNoneIsInTheApiDocument()
    {
        using var admin = App.Client(new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(App.Data, "admin-token")).Trim()));
        using var page = await admin.GetAsync(new Uri("/console/clients", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/console/sign-in", page.RequestMessage!.RequestUri!.AbsolutePath);

        var document = await App.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.DoesNotContain("/console", document, StringComparison.Ordinal);
    }

    private static string Pattern(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
}

public sealed class ConsoleAccessRulesOnSqlite : ConsoleAccessRulesTests
{
    protected override Engine Engine => Engine.Sqlite;
}
