using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.Cli.Sites;

/// <summary>The site verbs: one request each, the answer printed as a sentence or table, or as the server's JSON.</summary>
internal static class SiteActions
{
    /// <summary><c>steward site add</c>.</summary>
    public static Task<int> AddAsync(SiteAddOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var request = new SiteRequest(options.Code, options.Name, options.Version, options.Boundaries);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Post, Routes.Sites, request, ProtocolJson.Default.SiteRequest, ProtocolJson.Default.SiteView, cancellationToken),
            site => terminal.Out.WriteLine($"Added site {SiteTables.Title(site)}: version {site.Version} (line {site.Line}), boundaries {Formats.List(site.Boundaries)}."));
    }

    /// <summary><c>steward site list</c>.</summary>
    public static Task<int> ListAsync(AdminSwitches admin, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken) =>
        AdminVerbs.ListAsync(
            admin, terminal, environment, Routes.Sites, ProtocolJson.Default.IReadOnlyListSiteView, "No sites yet; add one with 'steward site add'.", SiteTables.List, cancellationToken);

    /// <summary><c>steward site show</c>.</summary>
    public static Task<int> ShowAsync(SiteOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.GetAsync(Routes.Site(options.Code), ProtocolJson.Default.SiteView, cancellationToken),
            site => terminal.Rich().Write(SiteTables.One(site)));
    }

    /// <summary><c>steward site set-version</c>.</summary>
    public static Task<int> SetVersionAsync(SiteVersionOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var request = new SiteVersionRequest(options.Version);
        return AdminVerbs.ShowAsync(
            options.Admin, terminal, environment,
            client => client.SendAsync(HttpMethod.Put, Routes.SiteVersion(options.Code), request, ProtocolJson.Default.SiteVersionRequest, ProtocolJson.Default.SiteView, cancellationToken),
            site => terminal.Out.WriteLine($"Site {site.Code} now serves {site.Version} (line {site.Line}); its clients take it at their next maintenance cycle."));
    }

    /// <summary><c>steward site remove</c>.</summary>
    public static Task<int> RemoveAsync(SiteOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AdminVerbs.RemoveAsync(options.Admin, terminal, environment, Routes.Site(options.Code), $"Removed site {options.Code.ToUpperInvariant()}.", cancellationToken);
    }
}
