using Microsoft.Playwright;

namespace Steward.Console.Tests.Hosting;

/// <summary>Forms posted straight to the server, past the page, as a forger (or a test of the server's refusals) would.</summary>
public static class Forms
{
    public static IFormData Of(IPage page, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>The page's own anti-forgery token, from the sign-out form that every signed-in page has.</summary>
    public static async Task<string> TokenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (await page.Locator("form.who input[name=__form]").GetAttributeAsync("value"))!;
    }
}
