using Microsoft.Net.Http.Headers;
using Steward.Protocol;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;
using Steward.Server.Packages;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Telemetry;

namespace Steward.Server.Agents;

/// <summary>
/// <c>GET /v1/content/{sha256}</c>: a package archive streamed from disk, with <c>Range</c> (resume),
/// <c>If-Range</c> and <c>ETag</c> (the hash). For enrolled clients and administrators.
/// </summary>
internal static class ContentEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(RouteTemplates.Content, async (string sha256, IStewardStore store, PackageStore files, StewardMetrics metrics, CancellationToken cancellationToken) =>
        {
            var package = sha256.Length == 64 ? await store.FindPackageByHashAsync(sha256.ToLowerInvariant(), cancellationToken).ConfigureAwait(false) : null;
            var path = package is null ? null : files.PathOf(package.Sha256);
            if (package is null || !File.Exists(path))
            {
                return Problems.NotFound($"no published package has the SHA-256 {sha256}");
            }

            metrics.Downloaded();
            return new RangeCheckedFile(TypedResults.PhysicalFile(
                path!, "application/zip", $"steward-agent-{package.Version}.zip", enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{package.Sha256}\"")));
        })
        .Produces(StatusCodes.Status200OK, contentType: "application/zip")
        .Produces(StatusCodes.Status206PartialContent, contentType: "application/zip")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
        .WithMetadata(ApiAccess.ClientOrAdmin)
        .WithName("downloadPackage").RequireAuthorization(AccessPolicies.ClientOrViewer)
        .WithSummary("Download a package archive (Range, If-Range and ETag supported).");
    }
}
