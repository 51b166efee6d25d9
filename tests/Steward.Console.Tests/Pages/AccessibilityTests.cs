using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>
/// Every page through axe-core (no serious or critical violation), on a laptop's window and a phone's, and
/// without JavaScript; each page's screenshot is saved under the test output (<c>screenshots/</c>).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture console)
{
    private static readonly string[] Serious = ["serious", "critical"];

    public static TheoryData<string, string> Pages => new()
    {
        { "sign-in", "/console/sign-in" },
        { "fleet", "/console/fleet" },
        { "sites", "/console/sites?address=10.2.3.4" },
        { "site", "/console/sites/C03" },
        { "logon-points", "/console/logon-points" },
        { "clients", "/console/clients" },
        { "clients-filtered", "/console/clients?site=A01&inactive=true" },
        { "client", "/console/clients?name=LAPTOP-AWAY" },
        { "packages", "/console/packages" },
        { "audit", "/console/audit" },
        { "rollouts", "/console/rollouts" },
        { "rollout", $"/console/rollouts/{SeededServer.Rollout}" },
        { "rollback", $"/console/rollouts/{SeededServer.Rollout}/rollback" },
        { "not-found", "/console/nothing-here" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_HasNoSeriousAccessibilityViolation_OnALaptopAndAPhone(string name, string path)
    {
        foreach (var phone in new[] { false, true })
        {
            var page = await console.PageAsync(name == "sign-in" ? null : console.Seeded.AdminToken, phone);
            await page.GotoAsync(path);
            if (name == "client")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "LAPTOP-AWAY" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("LAPTOP-AWAY");
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Screenshots, $"{name}{(phone ? "-phone" : "")}.png"), FullPage = true });
            var results = await page.RunAxe();
            var serious = results.Violations.Where(v => Serious.Contains(v.Impact)).ToList();
            Assert.True(
                serious.Count == 0,
                $"{path} ({(phone ? "phone" : "laptop")}): " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));

            // Nothing is wider than the window: no page needs sideways scrolling (tables scroll in their own box).
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} is wider than the {(phone ? "phone's" : "laptop's")} window");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task WithoutJavaScript_ThePagesReadAndTheFiltersWork()
    {
        var page = await console.PageAsync(console.Seeded.AdminToken, javaScript: false);
        await page.GotoAsync("/console/fleet");
        await Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
        await page.GotoAsync("/console/clients");
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync("C03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var sites = await page.Locator("tbody tr td:nth-of-type(1)").AllTextContentsAsync();
        Assert.NotEmpty(sites);
        Assert.All(sites, s => Assert.Contains("C03", s, StringComparison.Ordinal));
    }
}
