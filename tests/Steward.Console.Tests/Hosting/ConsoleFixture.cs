using Microsoft.Playwright;

namespace Steward.Console.Tests.Hosting;

/// <summary>The seeded server and one headless Chromium (the system's, <c>/usr/bin/chromium</c>), shared by the console's tests.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How long a page action or navigation may take before the test fails (milliseconds).</summary>
    public const float Patience = 90_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SeededServer Seeded { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>Where the screenshots go: under the test output, for people to look at.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/run does)");
        Directory.CreateDirectory(Screenshots);
        await Seeded.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a laptop's window, or a phone's; signed in with <paramref name="token"/> when given.</summary>
    public async Task<IPage> PageAsync(string? token = null, bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Seeded.Url,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            JavaScriptEnabled = javaScript,
        });
        // The other test projects run beside these on the same two cores (dotnet test runs projects in parallel), and a
        // page can wait that long for one: the patience is a bound on a broken page, not a measure of a fast one.
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        var page = await context.NewPageAsync();
        if (token is not null)
        {
            await SignInAsync(page, token);
        }

        return page;
    }

    public static async Task SignInAsync(IPage page, string token)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/console/sign-in");
        await page.GetByLabel("Token", new() { Exact = true }).FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/console/fleet");
        }
        catch (TimeoutException e)
        {
            // Where the browser is instead, and what it shows, so that a failed sign-in says why.
            var text = await page.InnerTextAsync("body", new() { Timeout = 5000 });
            throw new TimeoutException($"signing in did not reach /console/fleet: the page is {page.Url}, showing: {text[..Math.Min(text.Length, 600)]}", e);
        }
    }

    /// <summary>A form posted straight from the page's browser context (with its cookies), as a forged or odd post would be.</summary>
    public static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>The signed-in user's own valid anti-forgery token (from the sign-out form), so that a post is refused only for what else is wrong.</summary>
    public static async Task<string> FormTokenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (await page.Locator("form.who input[name=__form]").GetAttributeAsync("value"))!;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Seeded.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
