using Microsoft.Net.Http.Headers;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Sites;

/// <summary><c>/v1/sites</c>: create, read, update, delete sites, and set a site's version.</summary>
internal static class SiteEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Sites, async (IStewardStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListSitesAsync(cancellationToken).ConfigureAwait(false)).Select(SiteViews.Of).ToList()))
            .Produces<IReadOnlyList<SiteView>>().WithName("listSites").RequiresRole(AdminRole.Viewer).WithSummary("Every site.");

        group.MapGet(RouteTemplates.Site, async (string code, IStewardStore store, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Code(code, "code", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var row = await store.FindSiteAsync(parsed.Value.ToString(), cancellationToken).ConfigureAwait(false);
            return row is null ? Problems.NotFound($"there is no site {parsed}") : TypedResults.Ok(SiteViews.Of(row));
        }).Produces<SiteView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithName("getSite").RequiresRole(AdminRole.Viewer).WithSummary("One site.");

        group.MapPost(Routes.Sites, async (HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.SiteRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            if (SiteInput.Check(request!, null, errors) is not { } site)
            {
                return Problems.Invalid(errors);
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var row = new SiteRow
            {
                Code = site.Code.ToString(), Name = site.Name, Version = site.Version.ToString(), Boundaries = SiteText.JoinBoundaries(site.Boundaries),
                Revision = 1, CreatedAt = now, UpdatedAt = now,
            };
            var result = await store.CreateSiteAsync(row, Audits.Of(http, time, "site.create", row.Code, SiteViews.Of(row), ProtocolJson.Default.SiteView), cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? TypedResults.Created(Routes.Site(row.Code), SiteViews.Of(row))
                : Problems.FromStore(result, $"site {row.Code}");
        }).Accepts<SiteRequest>("application/json").Produces<SiteView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("createSite").RequiresRole(AdminRole.Admin).WithSummary("Create a site; refused unless a package of its version is published.");

        group.MapPut(RouteTemplates.Site, async (string code, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.SiteRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            var expected = IfMatch(http.Request, errors);
            if (SiteInput.Check(request!, code, errors) is not { } site)
            {
                return Problems.Invalid(errors);
            }

            return await UpdateAsync(
                http, store, time, site.Code.ToString(), current => Changed(current, time, site.Name, site.Version.ToString(), SiteText.JoinBoundaries(site.Boundaries)),
                expected, UpdateAction, cancellationToken, OnlyVersionUnlessAdmin(http)).ConfigureAwait(false);
        }).Accepts<SiteRequest>("application/json").Produces<SiteView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("replaceSite").RequiresRole(AdminRole.Operator).WithSummary("Replace a site's name, version and boundaries (If-Match: its revision, to refuse a lost update).");

        group.MapPut(RouteTemplates.SiteVersion, async (string code, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.SiteVersionRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new FieldErrors();
            var parsed = SiteInput.Code(code, "code", errors);
            var version = SiteInput.Version(request!.Version, "version", errors);
            var expected = IfMatch(http.Request, errors);
            if (errors.Any)
            {
                return Problems.Invalid(errors);
            }

            return await UpdateAsync(
                http, store, time, parsed!.Value.ToString(), current => Changed(current, time, current.Name, version!.Value.ToString(), current.Boundaries),
                expected, SetVersionAction, cancellationToken).ConfigureAwait(false);
        }).Accepts<SiteVersionRequest>("application/json").Produces<SiteView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("setSiteVersion").RequiresRole(AdminRole.Operator).WithSummary("Set the version a site's access points serve; refused unless a package of that version is published.");

        group.MapDelete(RouteTemplates.Site, async (string code, HttpContext http, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var parsed = SiteInput.Code(code, "code", errors);
            if (parsed is null)
            {
                return Problems.Invalid(errors);
            }

            var target = parsed.Value.ToString();
            var result = await store.DeleteSiteAsync(target, Audits.Of(http, time, "site.delete", target, ""), cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? TypedResults.NoContent() : Problems.FromStore(result, $"site {target}");
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
        .WithName("deleteSite").RequiresRole(AdminRole.Admin).WithSummary("Delete a site; refused while a logon point or a client names it.");
    }

    // `refuse`: the answer when the caller may not make this change, or null when it may.
    private static async Task<IResult> UpdateAsync(
        HttpContext http, IStewardStore store, TimeProvider time, string code, Func<SiteRow, SiteRow> change, long? expected, string action, CancellationToken cancellationToken,
        Func<SiteRow, SiteRow, IResult?>? refuse = null)
    {
        var current = await store.FindSiteAsync(code, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Problems.NotFound($"there is no site {code}");
        }

        var row = change(current);
        if (refuse?.Invoke(current, row) is { } refusal)
        {
            return refusal;
        }

        var result = await SaveAsync(http, store, time, current, row, expected, action, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.Ok(SiteViews.Of(row)) : Problems.FromStore(result, $"site {code}");
    }

    /// <summary>The audit action of a site's replacement (<c>PUT /v1/sites/{code}</c>, the console's boundaries form).</summary>
    internal const string UpdateAction = "site.update";

    /// <summary>The audit action of set-version (the API's and the console's): the store ends the site's downgrade order on it.</summary>
    internal const string SetVersionAction = Storage.Sql.SqlStore.SetVersionAction;

    /// <summary><paramref name="current"/> with a name, version and boundaries, one revision on, changed now.</summary>
    internal static SiteRow Changed(SiteRow current, TimeProvider time, string? name, string version, string boundaries)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(time);
        return new SiteRow
        {
            Code = current.Code, Name = name, Version = version, Boundaries = boundaries,
            UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(), Revision = current.Revision + 1, CreatedAt = current.CreatedAt,
        };
    }

    /// <summary>
    /// Writes <paramref name="row"/> over <paramref name="current"/> with its audit row (<paramref name="action"/>: the change
    /// before and after), refused when the site changed since revision <paramref name="expected"/> (none: the one read).
    /// The API's PUTs and the console's site forms write through here.
    /// </summary>
    internal static Task<StoreResult> SaveAsync(
        HttpContext http, IStewardStore store, TimeProvider time, SiteRow current, SiteRow row, long? expected, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        var audit = Audits.Of(http, time, action, current.Code, SiteViews.Change(current, row));
        return store.UpdateSiteAsync(row, expected ?? current.Revision, audit, cancellationToken);
    }

    /// <summary>
    /// An operator may change a site's version, not what it covers: a replacement by a token below admin is
    /// refused (403) when it changes the name or the boundaries, naming them (decision 0013).
    /// </summary>
    private static Func<SiteRow, SiteRow, IResult?> OnlyVersionUnlessAdmin(HttpContext http) => (current, row) =>
    {
        if (RoleRequirement.RoleOf(http.User) is AdminRole.Admin)
        {
            return null;
        }

        var changed = new List<string>(2);
        if (!string.Equals(current.Name, row.Name, StringComparison.Ordinal))
        {
            changed.Add("name");
        }

        if (!string.Equals(current.Boundaries, row.Boundaries, StringComparison.Ordinal))
        {
            changed.Add("boundaries");
        }

        return changed.Count == 0
            ? null
            : Problems.Forbidden(
                $"changing a site's {string.Join(" and ", changed)} needs a token with the role admin; the token '{http.User.Identity?.Name}' has the role {RoleRequirement.RoleOf(http.User)?.Word()}, which may change only the version (send the same name and boundaries, or PUT {Routes.SiteVersion(current.Code)})");
    };

    private static long? IfMatch(HttpRequest request, FieldErrors errors)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim('"', ' ', 'W', '/');
        if (header.Length == 0)
        {
            return null;
        }

        if (long.TryParse(header, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            return revision;
        }

        errors.Add("If-Match", $"'{header}' is not a site revision (a number, as in the site's 'revision')");
        return null;
    }
}
