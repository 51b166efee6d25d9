using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>
/// The rollouts pages: the list, one rollout with its progress, halt rule and chart (the counted hours over the
/// simulator's forecast), a halt and a resume from the console by an operator, a viewer and a forged form refused,
/// and the fleet's download as a scenario.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class RolloutPageTests(ConsoleFixture console)
{
    private static string Path => $"/console/rollouts/{SeededServer.Rollout}";

    [Fact]
    public async Task Operator_HaltsTheRolloutFromTheConsole_AndResumesIt()
    {
        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        await page.GotoAsync("/console/rollouts");
        await page.GetByRole(AriaRole.Link, new() { Name = SeededServer.Rollout }).ClickAsync();
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("pilot");
        await Expect(page.Locator("#halt-rule")).ToContainTextAsync("no upgrade has been reported yet; it halts at 5 failures");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Scheduled" })).ToBeVisibleAsync();
        await Expect(page.Locator("#curve")).ToBeVisibleAsync();
        await Expect(page.Locator("section", new() { Has = page.Locator("#curve") })).ToContainTextAsync("the last client upgrades by hour");
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(ConsoleFixture.Screenshots, "rollout.png"), FullPage = true });

        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            dialog.AcceptAsync();
        };
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Halt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(Path)}\\?done=halt$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The rollout was halted");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"only clients that already run {SeededServer.Newest} are served it until it resumes");
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("halted");
        Assert.Equal(1, dialogs);
        Assert.Equal("halted", await StateAsync());

        await page.GotoAsync("/console/audit");
        var entry = page.Locator("tbody tr").Filter(new() { HasTextString = "rollout.halt" }).First;
        await Expect(entry).ToContainTextAsync("console-operator");

        // Back as it was for the other tests: the resume button, which a halted rollout offers and no other.
        await page.GotoAsync(Path);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Halt" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("pilot");
        Assert.Equal("pilot", await StateAsync());
    }

    [Fact]
    public async Task TheChart_IsAnSvgOfTheForecastAndTheCountedHours()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await page.GotoAsync(Path);
        var image = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("counted \\(solid\\) and forecast \\(dashed\\)") });
        await Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the chart did not load");

        var chart = await page.APIRequest.GetAsync($"{Path}?handler=chart");
        Assert.Equal(200, chart.Status);
        Assert.Equal("image/svg+xml", chart.Headers["content-type"]);
        var svg = await chart.TextAsync();
        Assert.Contains($"{SeededServer.Newest} (forecast)", svg, StringComparison.Ordinal);
        Assert.Contains("Time from the rollout", svg, StringComparison.Ordinal);
        Assert.Contains("Clients (count)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_SeesNoButtons_AndAForgedPostIsRefused()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await page.GotoAsync(Path);
        await Expect(page.Locator("#rollout-state")).ToHaveTextAsync("pilot");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Halt" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change it" })).ToHaveCountAsync(0);

        // The viewer's own valid anti-forgery token (from the sign-out form), so that only the role refuses.
        var form = await ConsoleFixture.FormTokenAsync(page);
        var response = await page.APIRequest.PostAsync($"{Path}/halt", new() { Form = ConsoleFixture.FormOf(page, ("__form", form)) });
        Assert.Equal(403, response.Status);
        Assert.Contains("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("pilot", await StateAsync());
    }

    [Fact]
    public async Task AnOperatorsPostWithoutItsAntiforgeryToken_IsRefused()
    {
        var page = await console.PageAsync(console.Seeded.Operator.Secret);
        var response = await page.APIRequest.PostAsync($"{Path}/abort", new() { Form = ConsoleFixture.FormOf(page, ("verb", "abort")) });
        Assert.Equal(400, response.Status);
        Assert.Contains("anti-forgery", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("pilot", await StateAsync());
    }

    [Fact]
    public async Task TheFleetDownloadsAsAScenario()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the fleet as a scenario" }).ClickAsync());
        Assert.Equal("steward-fleet.yaml", download.SuggestedFilename);
        var file = await download.PathAsync();
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("  - {code: A01, version: " + SeededServer.ServicePack2, text, StringComparison.Ordinal);
        Assert.Contains("  - {name: PC-0001, addresses: [", text, StringComparison.Ordinal);
    }

    private async Task<string> StateAsync()
    {
        using var admin = console.Seeded.Admin();
        return (await admin.GetFromJsonAsync(Routes.Rollout(SeededServer.Rollout), ProtocolJson.Default.RolloutView))!.State;
    }
}
