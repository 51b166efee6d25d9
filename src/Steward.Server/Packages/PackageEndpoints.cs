using Microsoft.AspNetCore.Http.Features;
using Steward.Packaging;
using Steward.Packaging.Archives;
using Steward.Packaging.Signatures;
using Steward.Policy.Versions;
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
        group.MapGet(Routes.Packages, async (IStewardStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListPackagesAsync(cancellationToken).ConfigureAwait(false)).Select(PackageViews.Of).ToList()))
            .Produces<IReadOnlyList<PackageView>>().WithName("listPackages").RequiresRole(AdminRole.Viewer).WithSummary("Every published package.");

        group.MapGet(RouteTemplates.Package, async (string version, IStewardStore store, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Version(version, "version", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var row = await store.FindPackageAsync(parsed.Value.ToString(), cancellationToken).ConfigureAwait(false);
            return row is null ? Problems.NotFound($"no package of version {parsed} is published") : TypedResults.Ok(PackageViews.Of(row));
        }).Produces<PackageView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithName("getPackage").RequiresRole(AdminRole.Viewer).WithSummary("One package.");

        group.MapPost(Routes.Packages, PublishAsync)
            .Accepts<Stream>("application/zip")
            .Produces<PackageView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("publishPackage").RequiresRole(AdminRole.Admin).WithSummary("Publish an agent package: the archive is the body, ?version=V its declared version.");

        group.MapDelete(RouteTemplates.Package, async (string version, HttpContext http, IStewardStore store, PackageStore files, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Version(version, "version", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var target = parsed.Value.ToString();
            var package = await store.FindPackageAsync(target, cancellationToken).ConfigureAwait(false);
            var result = await store.DeletePackageAsync(target, Audits.Of(http, time, "package.delete", target, ""), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Problems.FromStore(result, $"package {target}");
            }

            // No other row can name the archive (a hash is published once), so its file goes with the row.
            if (package is not null)
            {
                File.Delete(files.PathOf(package.Sha256));
            }

            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("deletePackage").RequiresRole(AdminRole.Admin).WithSummary("Delete a package no site serves.");
    }

    private static async Task<IResult> PublishAsync(
        HttpContext http, string? version, IStewardStore store, PackageStore files, SigningKeys key, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
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

        // Whatever happens from here on, the upload leaves incoming/: moved into place, or deleted.
        try
        {
            return await PublishReceivedAsync(http, archive, declared.Value, store, files, key, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            PackageStore.Discard(archive);
        }
    }

    private static async Task<IResult> PublishReceivedAsync(
        HttpContext http, ReceivedArchive archive, AgentVersion declared, IStewardStore store, PackageStore files, SigningKeys key, TimeProvider time, CancellationToken cancellationToken)
    {
        PackageManifest manifest;
        try
        {
            await using var stream = File.OpenRead(archive.Path);
            manifest = PackageArchive.Inspect(stream, declared);
        }
        catch (PackageException e)
        {
            return Problems.Invalid(e.Field, e.Message);
        }

        var now = time.GetUtcNow();
        var signed = ManifestSignature.Serialize(new SignedManifest(1, manifest.Version, archive.Size, archive.Sha256, manifest.EntryPoint, now));
        var (signature, signedBy) = key.Sign(signed);
        var row = new PackageRow
        {
            Version = manifest.Version, Sha256 = archive.Sha256, Size = archive.Size, EntryPoint = manifest.EntryPoint, Files = manifest.Files.Count,
            Manifest = Convert.ToBase64String(signed), Signature = Convert.ToBase64String(signature), SignedBy = signedBy,
            PublishedAt = now.ToUnixTimeMilliseconds(), PublishedBy = Audits.Actor(http),
        };

        // The file goes into place before the row that names it, so no row ever names a missing file; it is
        // taken out again unless the row was written (or the same archive was already there).
        var existed = File.Exists(files.PathOf(archive.Sha256));
        var path = files.Commit(archive);
        var audit = Audits.Of(http, time, "package.publish", row.Version, $"sha256 {row.Sha256}, {row.Size} bytes, {row.Files} files, entry point {row.EntryPoint}");
        var result = new StoreResult(StoreStatus.Conflict);
        try
        {
            result = await store.CreatePackageAsync(row, audit, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!result.Succeeded && !existed)
            {
                File.Delete(path);
            }
        }

        if (!result.Succeeded)
        {
            return result.Status == StoreStatus.AlreadyExists
                ? Problems.Conflict($"version {row.Version} is already published; a published package never changes, so publish a new version")
                : Problems.FromStore(result, $"package {row.Version}");
        }

        return TypedResults.Created(Routes.Package(row.Version), PackageViews.Of(row));
    }
}
