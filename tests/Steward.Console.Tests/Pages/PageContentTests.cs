using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Console.Tests.Hosting;
using Steward.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Steward.Console.Tests.Pages;

/// <summary>What each page shows of the seeded server, checked against what its API says.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class PageContentTests(ConsoleFixture console)
{
    private string Admin => console.Seeded.AdminToken;

    [Fact]
    public async Task Fleet_ShowsClientsPerSiteAndVersion_Inactive_Unassigned_AndTheCheckWarnings()
    {
        var page = await console.PageAsync(Admin);
        using var admin = console.Seeded.Admin();
        var fleet = (await admin.GetFromJsonAsync(Routes.Fleet, ProtocolJson.Default.FleetSummary))!;

        await Expect(page.Locator(".tiles li").Nth(0)).ToContainTextAsync($"{fleet.Clients} clients");
        await Expect(page.Locator(".tiles li").Nth(1)).ToContainTextAsync($"{SeededServer.InactiveClients} inactive");
        await Expect(page.Locator(".tiles li").Nth(2)).ToContainTextAsync($"{fleet.Unassigned} unassigned");
        Assert.Equal(1, fleet.Unassigned);

        // The chart: one bar per site, one segment per installed version, and a table with the same numbers.
        await Expect(page.Locator("svg.chart title").First).ToHaveTextAsync("Clients per site, stacked by installed version");
        foreach (var site in fleet.Sites)
        {
            var row = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = site.Code, Exact = true }) });
            await Expect(row.Locator("td.num")).ToHaveTextAsync(site.Clients.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (version, clients) in site.Versions)
            {
                await Expect(row).ToContainTextAsync($"{(version == "none" ? "no agent" : version)}: {clients}");
                await Expect(page.Locator("svg.chart rect title", new() { HasTextString = $"{site.Code}: {clients} clients with" })).ToHaveCountAsync(1);
            }
        }

        // LP-WEST names B02 (SP1) as senior beside C03's newer version: the check warns, with the fix.
        var warning = page.Locator(".warnings li").Filter(new() { HasTextString = "senior-not-newest" });
        await Expect(warning).ToContainTextAsync("LP-WEST");
        await Expect(warning).ToContainTextAsync("Fix:");
    }

    [Fact]
    public async Task Fleet_CountsUnhealthyClients_AndLinksToThemInTheClientsList()
    {
        var page = await console.PageAsync(Admin);

        var tile = page.Locator(".tiles li").Nth(3);
        await Expect(tile).ToContainTextAsync("1 unhealthy");
        await tile.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/console/clients\\?health=unhealthy$"));
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr")).ToContainTextAsync(SeededServer.UnhealthyClient);
        await Expect(page.Locator("tbody tr .badge.failed")).ToHaveAttributeAsync("title", "unhealthy: service");
        await Expect(page.GetByLabel("Health")).ToHaveValueAsync("unhealthy");
    }

    [Fact]
    public async Task Sites_LookUpAnAddress()
    {
        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/sites");
        await page.GetByLabel("Address", new() { Exact = true }).FillAsync("10.2.3.4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/console/sites\\?address=10.2.3.4$"));
        var result = page.Locator("#lookup-result");
        await Expect(result).ToContainTextAsync("10.2.3.4 is in the boundaries of B02, C03");
        await Expect(result).ToContainTextAsync("the logon points LP-EAST, LP-WEST");

        await page.GotoAsync("/console/sites?address=172.16.0.1");
        await Expect(page.Locator("#lookup-result")).ToContainTextAsync("No site's boundaries hold 172.16.0.1");
        var bad = await page.GotoAsync("/console/sites?address=10.2.3.400");
        Assert.Equal(400, bad!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not an IPv4 or IPv6 address");

        var row = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "C03", Exact = true }) });
        await Expect(row).ToContainTextAsync(SeededServer.Newest);
        await Expect(row).ToContainTextAsync("10.3.0.0/24");
        await Expect(row).ToContainTextAsync("LP-WEST");
    }

    [Fact]
    public async Task LogonPoints_SayWhichPackageEachHandsOut()
    {
        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/logon-points");
        var east = page.Locator("tbody tr").Filter(new() { HasTextString = "LP-EAST" });
        var west = page.Locator("tbody tr").Filter(new() { HasTextString = "LP-WEST" });
        await Expect(east.Locator("td").Nth(3)).ToHaveTextAsync(SeededServer.ServicePack2);
        await Expect(east.Locator("td").Nth(1)).ToHaveTextAsync("none (the newest)");
        await Expect(west.Locator("td").Nth(2)).ToHaveTextAsync("B02");
        await Expect(west.Locator("td").Nth(3)).ToHaveTextAsync(SeededServer.ServicePack1);

        // The rollout of A01 serves its pilot the newest version: LP-EAST's senior site A01 then hands that out (as the API says).
        await Expect(east.Locator("td").Nth(4)).ToContainTextAsync($"{SeededServer.Newest} ({SeededServer.Rollout} of A01");
        await Expect(west.Locator("td").Nth(4)).ToHaveTextAsync("the same");
    }

    [Fact]
    public async Task Clients_FilterBySite_PageByKeyset_AndShareTheLink()
    {
        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/clients");
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        var firstPage = await rows.Locator("th").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("after="));
        var secondPage = await rows.Locator("th").AllTextContentsAsync();
        Assert.Empty(firstPage.Intersect(secondPage));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        var thirdPage = await rows.Locator("th").AllTextContentsAsync();
        Assert.Equal(SeededServer.Clients + 1, firstPage.Count + secondPage.Count + thirdPage.Count);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);

        // A filter is a link: the same address in another browser shows the same clients.
        await page.GotoAsync("/console/clients");
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync("A01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("site=A01"));
        var shared = page.Url;
        var a01 = await rows.Locator("td:nth-of-type(1)").AllTextContentsAsync();
        Assert.NotEmpty(a01);
        Assert.All(a01, sites => Assert.Contains("A01", sites, StringComparison.Ordinal));

        var other = await console.PageAsync(Admin);
        await other.GotoAsync(shared);
        Assert.Equal(await rows.Locator("th").AllTextContentsAsync(), await other.Locator("tbody tr th").AllTextContentsAsync());
    }

    [Fact]
    public async Task Clients_FilterByVersionNameAndInactivity()
    {
        var page = await console.PageAsync(Admin);
        await page.GotoAsync($"/console/clients?version={SeededServer.ServicePack1}&limit=500");
        var versions = await page.Locator("tbody tr td:nth-of-type(2)").AllTextContentsAsync();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(SeededServer.ServicePack1, v));

        await page.GotoAsync("/console/clients?name=pc-001");
        var names = await page.Locator("tbody tr th").AllTextContentsAsync();
        Assert.Equal(["PC-0010", "PC-0011", "PC-0012", "PC-0013", "PC-0014", "PC-0015", "PC-0016", "PC-0017", "PC-0018", "PC-0019"], names.Order(StringComparer.Ordinal));

        await page.GotoAsync("/console/clients?inactive=true");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(SeededServer.InactiveClients);
        await Expect(page.Locator("tbody tr .badge.inactive")).ToHaveCountAsync(SeededServer.InactiveClients);

        var bad = await page.GotoAsync("/console/clients?outcome=Bogus&site=nope!");
        Assert.Equal(400, bad!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("outcome");
    }

    [Fact]
    public async Task Clients_ExportAsCsv_EveryMatchingClient()
    {
        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/clients?site=B02");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download all matching as CSV" }).ClickAsync());
        var path = Path.Combine(ConsoleFixture.Screenshots, "..", "clients-B02.csv");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("id,name,sites,installed,last_outcome,last_seen,inactive,addresses,travel", lines[0]);

        using var admin = console.Seeded.Admin();
        var api = (await admin.GetFromJsonAsync($"{Routes.Clients}?site=B02&limit=1000", ProtocolJson.Default.ClientPage))!;
        Assert.Equal(api.Clients.Select(c => c.Id).Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OneClient_ShowsItsStateAndEveryDecisionNewestFirstWithItsReason()
    {
        var id = await console.Seeded.ClientIdAsync("LAPTOP-AWAY");
        using var admin = console.Seeded.Admin();
        var history = (await admin.GetFromJsonAsync(Routes.Client(id), ProtocolJson.Default.ClientHistory))!;
        Assert.True(history.Decisions.Count >= 2);

        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/clients?name=LAPTOP");
        await page.GetByRole(AriaRole.Link, new() { Name = "LAPTOP-AWAY" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("LAPTOP-AWAY");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("unassigned");
        var reasons = await page.Locator("tr.decision td.reason").AllTextContentsAsync();
        Assert.Equal(history.Decisions.Select(d => d.Reason).Reverse(), reasons);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));

        var missing = await page.GotoAsync("/console/clients/no-such-client");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
    }

    [Fact]
    public async Task Packages_ShowSizeHashAndPublisher()
    {
        using var admin = console.Seeded.Admin();
        var packages = (await admin.GetFromJsonAsync(Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView))!;
        var page = await console.PageAsync(Admin);
        await page.GotoAsync("/console/packages");
        foreach (var package in packages)
        {
            var row = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = package.Version, Exact = true }) });
            await Expect(row.Locator("code")).ToHaveTextAsync(package.Sha256);
            await Expect(row).ToContainTextAsync("by admin");
        }
    }

    [Fact]
    public async Task Audit_SaysWhoChangedWhat()
    {
        var page = await console.PageAsync(console.Seeded.Viewer.Secret);
        await page.GotoAsync("/console/audit");
        var created = page.Locator("tbody tr").Filter(new() { HasTextString = "site.create" }).Filter(new() { HasTextString = "C03" });
        await Expect(created).ToHaveCountAsync(1);
        await Expect(created.Locator("td").Nth(1)).ToHaveTextAsync("admin");
    }
}
