using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Protocol;
using Steward.Protocol.Admin;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>
/// A rollback from the console: the rollout page's button leads to a confirmation with a field for why; confirmed,
/// the site serves its old version again and the rollout page shows the downgrade order. A viewer is offered nothing
/// and refused; a form without its anti-forgery token is refused; a rollback Policy forbids is refused in words.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RollbackTests(ConsoleFixture console)
{
    // A rollout of its own, on B02 (the seeded one, on A01, stays in pilot for the other tests).
    private const string Rollout = "b02-rollback";
    private const string Reason = "the help desk reports printing broken on 2000";

    private static string PilotPath => $"/console/rollouts/{SeededServer.Rollout}";

    [Fact]
    public async Task Operator_RollsBackFromTheConsole_WithAConfirmationAndAReason_AndTheSiteServesItsOldVersion()
    {
        using var admin = console.Seeded.Admin();
        var started = await admin.PostAsJsonAsync(
            Routes.Rollouts, new RolloutStartRequest("B02", SeededServer.ServicePack2, Rollout, ["PC-0001"], "1d", null, null), ProtocolJson.Default.RolloutStartRequest);
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(SeededServer.ServicePack2, (await LogonPointAsync(admin, "LP-WEST")).RolloutPackageVersion);

        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        await page.GotoAsync($"/console/rollouts/{Rollout}");
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("pilot");
        await Expect(page.Locator("#downgrade")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Roll back", Exact = true }).ClickAsync();

        // The confirmation: nothing has changed yet, and Cancel leads back.
        await Expect(page).ToHaveURLAsync(new Regex($"/console/rollouts/{Rollout}/rollback$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Roll back rollout {Rollout}?");
        await Expect(page.Locator("main")).ToContainTextAsync($"Site B02 then serves {SeededServer.ServicePack1} again");
        Assert.Equal("pilot", (await RolloutAsync(admin, Rollout)).State);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/console/rollouts/{Rollout}$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Roll back", Exact = true }).ClickAsync();

        await page.GetByLabel("Why", new() { Exact = false }).FillAsync(Reason);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Screenshots, "rollback-confirm.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roll back rollout {Rollout}" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/console/rollouts/{Rollout}\\?done=rollback$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The rollout was rolled back");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"site B02 serves {SeededServer.ServicePack1} again");
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("rolledBack");
        await Expect(page.Locator("#order-by")).ToContainTextAsync("by console-operator");
        await Expect(page.Locator("#order-reason")).ToHaveTextAsync(Reason);
        await Expect(page.Locator("#order-end")).ToHaveTextAsync("until the site's next rollout or change of version");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"Still on {SeededServer.ServicePack2}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Downgraded" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Roll back", Exact = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Screenshots, "rollout-rolled-back.png"), FullPage = true });

        // Through the API: rolled back with the order the console wrote, and the site serves F again, to every computer.
        var view = await RolloutAsync(admin, Rollout);
        Assert.Equal("rolledBack", view.State);
        Assert.Equal(Reason, view.Order!.Reason);
        Assert.Equal("console-operator", view.Order.OrderedBy);
        Assert.Equal(SeededServer.ServicePack1, (await admin.GetFromJsonAsync(Routes.Site("B02"), ProtocolJson.Default.SiteView))!.Version);
        var west = await LogonPointAsync(admin, "LP-WEST");
        Assert.Equal(SeededServer.ServicePack1, west.PackageVersion);
        Assert.Null(west.RolloutPackageVersion);

        await page.GotoAsync("/console/audit");
        await Expect(page.Locator("tbody tr").Filter(new() { HasTextString = "rollout.rollback" }).First).ToContainTextAsync("console-operator");

        // Again, with the form's own token: Policy refuses a rolled-back rollout, in words, on a page.
        await page.GotoAsync($"/console/rollouts/{Rollout}/rollback");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("only an active or complete rollout can be rolled back");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Roll back rollout {Rollout}" })).ToHaveCountAsync(0);
        var refused = await page.APIRequest.PostAsync($"/console/rollouts/{Rollout}/rollback", new() { Form = Forms.Of(page, ("__form", await Forms.TokenAsync(page)), ("reason", "again")) });
        Assert.Equal(409, refused.Status);
        Assert.Contains("text/html", refused.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("only an active or complete rollout can be rolled back", await refused.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_IsNotOfferedARollback_AndIsRefusedOne()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await page.GotoAsync(PilotPath);
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("pilot");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Roll back", Exact = true })).ToHaveCountAsync(0);

        var confirmation = await page.GotoAsync($"{PilotPath}/rollback");
        Assert.Equal(403, confirmation!.Status);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Roll back rollout {SeededServer.Rollout}" })).ToHaveCountAsync(0);

        // The viewer's own valid anti-forgery token (from the sign-out form), so that only the role refuses.
        await page.GotoAsync(PilotPath);
        var response = await page.APIRequest.PostAsync($"{PilotPath}/rollback", new() { Form = Forms.Of(page, ("__form", await Forms.TokenAsync(page))) });
        Assert.Equal(403, response.Status);
        Assert.Contains("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        using var admin = console.Seeded.Admin();
        Assert.Equal("pilot", (await RolloutAsync(admin, SeededServer.Rollout)).State);
    }

    [Fact]
    public async Task Operator_SeesTheRollbackButton_ButARollbackWithoutTheAntiforgeryToken_OrWithTooLongAReason_IsRefused()
    {
        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        await page.GotoAsync(PilotPath);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Roll back", Exact = true })).ToBeVisibleAsync();

        var response = await page.APIRequest.PostAsync($"{PilotPath}/rollback", new() { Form = Forms.Of(page, ("reason", "forged")) });
        Assert.Equal(400, response.Status);
        Assert.Contains("anti-forgery", await response.TextAsync(), StringComparison.Ordinal);

        // With the token but a reason longer than the API takes: refused in the API's words, on a page.
        var tooLong = await page.APIRequest.PostAsync($"{PilotPath}/rollback", new() { Form = Forms.Of(page, ("__form", await Forms.TokenAsync(page)), ("reason", new string('x', 1001))) });
        Assert.Equal(400, tooLong.Status);
        Assert.Contains("The reason is too long: at most 1000 characters, not 1001.", await tooLong.TextAsync(), StringComparison.Ordinal);
        using var admin = console.Seeded.Admin();
        Assert.Equal("pilot", (await RolloutAsync(admin, SeededServer.Rollout)).State);
    }

    private static async Task<RolloutView> RolloutAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync(Routes.Rollout(id), ProtocolJson.Default.RolloutView))!;

    private static async Task<LogonPointView> LogonPointAsync(HttpClient admin, string name) =>
        (await admin.GetFromJsonAsync(Routes.LogonPoint(name), ProtocolJson.Default.LogonPointView))!;
}
