using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>An admin changes a site's boundaries and a logon point's sites from the console, through the API's rules; no one else may.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EditingTests(ConsoleFixture console)
{
    [Fact]
    public async Task Admin_ChangesASitesBoundaries_AndABadOneIsRefusedWithWords()
    {
        var page = await console.PageAsync(console.Seeded.AdminToken);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/console/sites/C03");
        await page.GetByLabel("Boundaries, one per line", new() { Exact = false }).FillAsync("10.3.0.0/24\n10.2.3.0/24\n10.9.0.0/16");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the boundaries" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/sites/C03\\?changed=boundaries$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("10.9.0.0/16");
        var changed = await BoundariesAsync("C03");
        Assert.Contains("10.9.0.0/16", changed);

        await page.GotoAsync("/console/audit");
        await Expect(page.Locator("tbody tr").Filter(new() { HasTextString = "site.update" }).First).ToContainTextAsync("C03");

        // A boundary the API refuses is refused here with the API's words; then back as it was for the other tests.
        await page.GotoAsync("/console/sites/C03");
        await page.GetByLabel("Boundaries, one per line", new() { Exact = false }).FillAsync("10.3.0.0/33");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the boundaries" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("10.3.0.0/33");
        // Refused means nothing stored: the boundaries are still those of the change before.
        var kept = await BoundariesAsync("C03");
        Assert.Equal(changed, kept);
        Assert.DoesNotContain("10.3.0.0/33", kept);
        await page.GotoAsync("/console/sites/C03");
        await page.GetByLabel("Boundaries, one per line", new() { Exact = false }).FillAsync("10.3.0.0/24\n10.2.3.0/24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the boundaries" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("changed=boundaries$"));
        Assert.DoesNotContain("10.9.0.0/16", await BoundariesAsync("C03"));
    }

    [Fact]
    public async Task Admin_ChangesALogonPointsSites_ThroughTheApisRules()
    {
        var page = await console.PageAsync(console.Seeded.AdminToken);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/console/logon-points");
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Group, new() { Name = "Sites of LP-WEST" }) });
        await form.GetByLabel("A01", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("LP-WEST were changed");
        Assert.Equal(["A01", "B02", "C03"], await LogonPointSitesAsync("LP-WEST"));

        // Its named senior site B02 taken away: refused as the API refuses it, nothing changed.
        form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Group, new() { Name = "Sites of LP-WEST" }) });
        await form.GetByLabel("B02", new() { Exact = true }).UncheckAsync();
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("B02");
        Assert.Equal(["A01", "B02", "C03"], await LogonPointSitesAsync("LP-WEST"));

        await page.GotoAsync("/console/logon-points");
        form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Group, new() { Name = "Sites of LP-WEST" }) });
        await form.GetByLabel("A01", new() { Exact = true }).UncheckAsync();
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        Assert.Equal(["B02", "C03"], await LogonPointSitesAsync("LP-WEST"));
    }

    [Fact]
    public async Task AnOperator_SeesNoEditingForms_AndAForgedPostIsRefused()
    {
        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        await page.GotoAsync("/console/sites/C03");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change the boundaries" })).ToHaveCountAsync(0);
        await page.GotoAsync("/console/logon-points");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change a logon point's sites" })).ToHaveCountAsync(0);

        var form = ConsoleFixture.FormOf(page, ("__form", await ConsoleFixture.FormTokenAsync(page)), ("boundaries", "10.0.0.0/8"));
        var response = await page.APIRequest.PostAsync("/console/sites/C03/boundaries", new() { Form = form });
        Assert.Equal(403, response.Status);
        Assert.DoesNotContain("10.0.0.0/8", await BoundariesAsync("C03"));
    }

    private async Task<IReadOnlyList<string>> BoundariesAsync(string site)
    {
        using var admin = console.Seeded.Admin();
        return (await admin.GetFromJsonAsync(Routes.Site(site), ProtocolJson.Default.SiteView))!.Boundaries;
    }

    private async Task<IReadOnlyList<string>> LogonPointSitesAsync(string name)
    {
        using var admin = console.Seeded.Admin();
        return (await admin.GetFromJsonAsync(Routes.LogonPoint(name), ProtocolJson.Default.LogonPointView))!.Sites;
    }
}
