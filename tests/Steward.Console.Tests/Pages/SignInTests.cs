using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Server.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>Signing in and out with a named token; the cookie is checked against the token store at every request.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task AnyPage_WithoutSignIn_GoesToSignIn_ThenBack()
    {
        var page = await console.PageAsync();
        await page.GotoAsync("/console/packages");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in\\?returnUrl=%2Fconsole%2Fpackages$"));
        await page.GetByLabel("Token", new() { Exact = true }).FillAsync(console.Seeded.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/packages$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Packages", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_ShowsTheTokenAndRole_SignOut_EndsIt()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await Expect(page.Locator("form.who")).ToContainTextAsync("console-viewer");
        await Expect(page.Locator("form.who .role")).ToHaveTextAsync("viewer");

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "steward-console");
        Assert.Equal("/console", cookie.Path);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(console.Seeded.Viewer.Secret!, cookie.Value, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in$"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "steward-console");
        await page.GotoAsync("/console/fleet");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in"));
    }

    [Fact]
    public async Task UnknownToken_IsRefused_WithWords()
    {
        var page = await console.PageAsync();
        await page.GotoAsync("/console/sign-in");
        await page.GetByLabel("Token", new() { Exact = true }).FillAsync("not-a-token");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(401, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This token is not known to this server.");
    }

    [Fact]
    public async Task RevokedToken_SignsOutAtOnce()
    {
        using var admin = console.Seeded.Admin();
        var token = await admin.CreateTokenAsync($"revoked-{Guid.NewGuid():N}", "viewer");
        var page = await console.PageAsync(token.Secret);
        await page.GotoAsync("/console/clients");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clients", Level = 1 })).ToBeVisibleAsync();

        using (var revoke = await admin.DeleteAsync(new Uri($"/v1/tokens/{token.Token.Name}", UriKind.Relative)))
        {
            Assert.True(revoke.IsSuccessStatusCode, await revoke.Content.ReadAsStringAsync());
        }

        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "steward-console");
    }

    [Fact]
    public async Task BearerToken_OpensNoConsolePage_AndTheConsoleCookieNoApi()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(console.Seeded.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/fleet");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", console.Seeded.AdminToken);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await console.PageAsync(console.Seeded.AdminToken);
        var api = await page.APIRequest.GetAsync("/v1/fleet");
        Assert.Equal(401, api.Status);
        Assert.Equal("application/problem+json", api.Headers["content-type"]);
    }
}
