using Steward.Protocol;
using Steward.Server.Hosting;
using Steward.Server.Http;

namespace Steward.Server.Agents;

/// <summary>The addresses agents are sent to: this server's, or the configured public one.</summary>
internal static class AccessPoints
{
    public static string Origin(HttpRequest request, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return options.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
    }

    /// <summary>The answer for a well-formed site code that names no site.</summary>
    public static IResult Missing(string site) => Problems.NotFound($"there is no site {site}, so no access point of it");

    public static IReadOnlyDictionary<string, string> For(IEnumerable<string> sites, string origin) =>
        sites.ToDictionary(s => s, s => origin + Routes.AccessPoint(s), StringComparer.Ordinal);
}
