using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Options;
using Steward.Server.WebConsole.Access;
using Steward.Server.Security.Access;

namespace Steward.Server.WebConsole;

/// <summary>
/// The web console at <c>/console</c>: Razor Pages rendered on the server (decision 0019), in the server's own
/// process and port. Every page needs a console sign-in of at least the viewer role unless it says otherwise;
/// the console's errors are pages, its responses carry a strict content security policy.
/// </summary>
internal static class ConsoleSetup
{
    public static void AddTo(IServiceCollection services)
    {
        ConsoleAccess.AddTo(services);
        services.AddDataProtection();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, ConsoleKeys>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/WebConsole/Pages";
                o.Conventions.AuthorizeFolder("/", ConsoleAccess.Policy(AdminRole.Viewer));
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/Error");
            })
            .ConfigureApplicationPartManager(AddServerAssembly);
    }

    /// <summary>The console's middleware (<see cref="ConsoleErrorPages"/>); it passes every other path on untouched.</summary>
    public static void Use(WebApplication app)
    {
        var errors = ActivatorUtilities.CreateInstance<ConsoleErrorPages>(app.Services);
        app.Use(errors.InvokeAsync);
    }

    public static void Map(WebApplication app)
    {
        ConsoleAssets.Map(app);
        ClientsCsv.Map(app);
        ScenarioDownload.Map(app);
        app.MapRazorPages();
    }

    // The pages are compiled into this assembly; when another program (the command line's `steward server`) is the
    // entry assembly, the platform would not look here for them.
    private static void AddServerAssembly(ApplicationPartManager manager)
    {
        var assembly = typeof(ConsoleSetup).Assembly;
        if (manager.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            manager.ApplicationParts.Add(part);
        }
    }
}
