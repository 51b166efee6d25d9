using Microsoft.AspNetCore.Http.Features;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Packages;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Security;
using Steward.Server.Security.Access;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Packages;

/// <summary>
/// <c>/v1/packages</c>: publish an agent archive (checked against its declared version, stored by its
/// SHA-256, its manifest signed), list, read and delete packages.
/// </summary>
internal static class PackageEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/packages", async (IStewardStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListPackagesAsync(cancellationToken).ConfigureAwait(false)).Select(PackageViews.Of).ToList()))
            .Produces<IReadOnlyList<PackageView>>().WithName("listPackages").RequiresRole(AdminRole.Viewer).WithSummary("Every published package.");

        group.MapGet("/packages/{version}", async (string version, IStewardStore store, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Version(version, "version (path)", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var row = await store.FindPackageAsync(parsed.Value.ToString(), cancellationToken).ConfigureAwait(false);
            return row is null ? Problems.NotFound($"no package of version {parsed} is published") : TypedResults.Ok(PackageViews.Of(row));
        }).Produces<PackageView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithName("getPackage").RequiresRole(AdminRole.Viewer).WithSummary("One package.");

        group.MapPost("/packages", PublishAsync)
            .Accepts<Stream>("application/zip")
            .Produces<PackageView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("publishPackage").RequiresRole(AdminRole.Admin).WithSummary("Publish an agent package: the archive is the body, ?version=V its declared version.");

        group.MapDelete("/packages/{version}", async (string version, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Version(version, "version (path)", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var target = parsed.Value.ToString();
            var result = await store.DeletePackageAsync(target, Audits.Of(http, time, "package.delete", target, ""), cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? TypedResults.NoContent() : Problems.FromStore(result, $"package {target}");
        }).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("deletePackage").RequiresRole(AdminRole.Admin).WithSummary("Delete a package no site serves.");
    }

    private static async Task<IResult> PublishAsync(
        HttpContext http, string? version, IStewardStore store, PackageStore files, SigningKey key, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var declared = SiteInput.Version(version, "version", errors);
        if (declared is null)
        {
            return Problems.Invalid(errors);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxPackageBytes;
        }

        if (http.Request.ContentLength > options.MaxPackageBytes)
        {
            return Problems.TooLarge($"the archive has {http.Request.ContentLength} bytes; at most {options.MaxPackageBytes} are accepted (Steward:MaxPackageBytes)");
        }

        ReceivedArchive? archive;
        try
        {
            archive = await files.ReceiveAsync(http.Request.Body, options.MaxPackageBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            archive = null;
        }

        if (archive is null)
        {
            return Problems.TooLarge($"the archive is larger than the {options.MaxPackageBytes} bytes accepted (Steward:MaxPackageBytes)");
        }

        PackageManifest manifest;
        try
        {
            await using var stream = File.OpenRead(archive.Path);
            manifest = PackageArchive.Inspect(stream, declared);
        }
        catch (PackageException e)
        {
            PackageStore.Discard(archive);
            return Problems.Invalid("archive", e.Message);
        }

        var now = time.GetUtcNow();
        var signed = ManifestSignature.Serialize(new SignedManifest(1, manifest.Version, archive.Size, archive.Sha256, manifest.EntryPoint, now));
        var row = new PackageRow
        {
            Version = manifest.Version, Sha256 = archive.Sha256, Size = archive.Size, EntryPoint = manifest.EntryPoint, Files = manifest.Files.Count,
            Manifest = Convert.ToBase64String(signed), Signature = Convert.ToBase64String(key.Sign(signed)),
            PublishedAt = now.ToUnixTimeMilliseconds(), PublishedBy = Audits.Actor(http),
        };

        // The file goes into place before the row that names it, so no row ever names a missing file.
        var existed = File.Exists(files.PathOf(archive.Sha256));
        var path = files.Commit(archive);
        var audit = Audits.Of(http, time, "package.publish", row.Version, $"sha256 {row.Sha256}, {row.Size} bytes, {row.Files} files, entry point {row.EntryPoint}");
        var result = await store.CreatePackageAsync(row, audit, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (!existed)
            {
                File.Delete(path);
            }

            return result.Status == StoreStatus.AlreadyExists
                ? Problems.Conflict($"version {row.Version} is already published; a published package never changes, so publish a new version")
                : Problems.FromStore(result, $"package {row.Version}");
        }

        return TypedResults.Created($"{Routes.Packages}/{row.Version}", PackageViews.Of(row));
    }
}
