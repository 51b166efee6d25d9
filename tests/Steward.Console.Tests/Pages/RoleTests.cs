using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>Nothing shown or allowed beyond the token's role, and no form accepted without its anti-forgery token.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task Viewer_SeesNoChangeForm_AndIsRefusedTheChange()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await page.GotoAsync("/console/sites/A01");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change the version" })).ToHaveCountAsync(0);

        // The viewer's own valid anti-forgery token (from the sign-out form), so that only the role refuses.
        var form = await ConsoleFixture.FormTokenAsync(page);
        var response = await page.APIRequest.PostAsync("/console/sites/A01/version", new()
        {
            Form = ConsoleFixture.FormOf(page, ("__form", form), ("version", SeededServer.Newest)),
            Headers = new Dictionary<string, string> { ["Origin"] = console.Seeded.Url },
        });
        Assert.Equal(403, response.Status);
        Assert.Contains("Not allowed", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        await AssertVersionAsync("A01", SeededServer.ServicePack2);
    }

    [Fact]
    public async Task Operator_ChangesASiteVersion_AndTheAuditSaysWho()
    {
        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        await page.GotoAsync("/console/sites/B02");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByLabel("Version", new() { Exact = true }).SelectOptionAsync(SeededServer.ServicePack2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the version" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/sites/B02\\?changed=version$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"serves {SeededServer.ServicePack2} now");
        await AssertVersionAsync("B02", SeededServer.ServicePack2);

        await page.GotoAsync("/console/audit");
        var entry = page.Locator("tbody tr").Filter(new() { HasTextString = "site.version" }).First;
        await Expect(entry).ToContainTextAsync("console-operator");
        await Expect(entry).ToContainTextAsync("B02");

        // Back as it was, for the other tests; an unpublished version is refused with words.
        await page.GotoAsync("/console/sites/B02");
        await page.GetByLabel("Version", new() { Exact = true }).SelectOptionAsync(SeededServer.ServicePack1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the version" }).ClickAsync();
        await AssertVersionAsync("B02", SeededServer.ServicePack1);
        var form = await ConsoleFixture.FormTokenAsync(page);
        var refused = await page.APIRequest.PostAsync("/console/sites/B02/version", new() { Form = ConsoleFixture.FormOf(page, ("__form", form), ("version", "2.0.1380.3000")) });
        Assert.Equal(409, refused.Status);
        Assert.Contains("2.00.1380.3000", await refused.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused()
    {
        var page = await console.PageAsync(console.Seeded.AdminToken);
        var response = await page.APIRequest.PostAsync("/console/sites/A01/version", new() { Form = ConsoleFixture.FormOf(page, ("version", SeededServer.Newest)) });
        Assert.Equal(400, response.Status);
        Assert.Contains("anti-forgery", await response.TextAsync(), StringComparison.Ordinal);
        await AssertVersionAsync("A01", SeededServer.ServicePack2);

        var signOut = await page.APIRequest.PostAsync("/console/sign-out", new() { Form = ConsoleFixture.FormOf(page, ("__form", "forged")) });
        Assert.Equal(400, signOut.Status);
        await page.GotoAsync("/console/fleet");
        await Expect(page).ToHaveURLAsync(new Regex("/console/fleet$"));
    }

    private async Task AssertVersionAsync(string site, string version)
    {
        using var admin = console.Seeded.Admin();
        var view = (await admin.GetFromJsonAsync(Routes.Site(site), ProtocolJson.Default.SiteView))!;
        Assert.Equal(version, view.Version);
    }
}
