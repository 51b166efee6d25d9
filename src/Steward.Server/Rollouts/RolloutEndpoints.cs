using System.Globalization;
using Steward.Policy.Rollouts;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Rollouts;

/// <summary><c>/v1/rollouts</c>: start a rollout, read rollouts with their progress, and promote, halt, resume, abort or roll back one (decisions 0018, 0023).</summary>
internal static class RolloutEndpoints
{
    // The summaries of RolloutVerbs.StateVerbs, one endpoint each.
    private static readonly (string Word, string Summary)[] Verbs =
    [
        (RolloutVerbs.Promote, "Promote a rollout in pilot: it spreads from now over its window."),
        (RolloutVerbs.Halt, "Halt a rollout in pilot or spreading: only clients that already run its version are served it until it resumes."),
        (RolloutVerbs.Resume, "Resume a halted rollout into the state it was halted in; a spreading one's window moves forward by the time spent halted."),
        (RolloutVerbs.Abort, "Abort an active rollout: the site keeps its version; clients that already run the new one keep it."),
    ];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Rollouts, async (IRolloutStore store, IRolloutClock clock, CancellationToken cancellationToken) =>
        {
            var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
            var rows = await store.ListRolloutsAsync(cancellationToken).ConfigureAwait(false);
            var pilots = await store.ListPilotsAsync(cancellationToken).ConfigureAwait(false);
            var views = new List<RolloutView>();
            foreach (var row in rows)
            {
                // Progress is worked out for active rollouts only: an ended one's clients have moved on.
                var state = RolloutStates.TryParse(row.State, out var parsed) ? parsed : (RolloutState?)null;
                if (state is { } active && RolloutStates.IsActive(active) && await store.ReadProgressAsync(row.Id, cancellationToken).ConfigureAwait(false) is { } facts)
                {
                    views.Add(RolloutViews.Of(facts, now));
                    continue;
                }

                // A rolled-back one shows the downgrade order it left.
                var view = RolloutViews.Of(row, [.. pilots[row.Id]], null);
                views.Add(state == RolloutState.RolledBack && await store.ReadRollbackAsync(row.Id, cancellationToken).ConfigureAwait(false) is { } rollback
                    ? view with { Order = RollbackViews.Of(rollback.Order, rollback.Clients) }
                    : view);
            }

            return TypedResults.Ok(views);
        }).Produces<IReadOnlyList<RolloutView>>().WithName("listRollouts").RequiresRole(AdminRole.Viewer)
        .WithSummary("Every rollout, the newest first; active ones with their progress.");

        group.MapGet(RouteTemplates.Rollout, async (string id, IRolloutStore store, IRolloutClock clock, CancellationToken cancellationToken) =>
        {
            var facts = RolloutInput.ValidId(id) ? await store.ReadProgressAsync(id, cancellationToken).ConfigureAwait(false) : null;
            return facts is null
                ? Problems.NotFound($"there is no rollout '{RolloutInput.Shown(id)}'")
                : TypedResults.Ok(RolloutViews.Of(facts, await clock.NowAsync(cancellationToken).ConfigureAwait(false)));
        }).Produces<RolloutView>().ProducesProblem(StatusCodes.Status404NotFound).WithName("getRollout").RequiresRole(AdminRole.Viewer)
        .WithSummary("One rollout with its progress: clients at its version, scheduled, with an attempt open, failed and not yet seen; pilot clients that have not reported; failures grouped by message; the halt rule's standing.");

        group.MapPost(Routes.Rollouts, StartAsync).Accepts<RolloutStartRequest>("application/json").Produces<RolloutView>(StatusCodes.Status201Created)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithName("startRollout").RequiresRole(AdminRole.Operator)
        .WithSummary("Start a rollout of a site to a newer published version: the pilot first, then the other clients over the window; it halts by itself when upgrades fail.");

        foreach (var (word, summary) in Verbs)
        {
            group.MapPost(RouteTemplates.RolloutVerb(word), (string id, HttpContext http, IRolloutStore store, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken) =>
                ChangeAsync(id, word, http, store, clock, time, cancellationToken))
            .Produces<RolloutView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(word + "Rollout").RequiresRole(AdminRole.Operator).WithSummary(summary);
        }

        group.MapPost(RouteTemplates.RolloutVerb("rollback"), RollbackAsync).Accepts<RollbackRequest>("application/json").Produces<RolloutView>()
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("rollbackRollout").RequiresRole(AdminRole.Operator)
        .WithSummary("Roll back an active rollout, or a complete one whose site has had no later rollout or set-version: the site serves its old version again, and a downgrade order takes clients on the new version back at their next maintenance cycle (never at logon) until the site's next rollout or set-version.");
    }

    private static async Task<IResult> RollbackAsync(string id, HttpContext http, IRolloutStore store, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        // The body is optional: no body, or one with a reason.
        RollbackRequest? request = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (read, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.RollbackRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            request = read;
        }

        if (RolloutInput.ReasonTooLong(request?.Reason) is { } tooLong)
        {
            return Problems.Invalid("reason", tooLong);
        }

        var (result, words, now) = await ApplyRollbackAsync(id, request?.Reason, http, store, clock, time, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Status == StoreStatus.NotFound ? Problems.NotFound($"there is no rollout '{RolloutInput.Shown(id)}'") : Problems.FromStore(result, $"rollout {id}");
        }

        var facts = await store.ReadProgressAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(RolloutViews.Of(facts!, now, words));
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, IRolloutStore store, IStewardStore sites, SiteTableBuilder tables, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.RolloutStartRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        if (RolloutInput.Check(request!, errors) is not { } start)
        {
            return Problems.Invalid(errors);
        }

        var found = await store.FindClientsByIdOrNameAsync(start.Pilot.Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        if (RolloutInput.Resolve(start.Pilot, found, errors) is not { } pilot)
        {
            return Problems.Invalid(errors);
        }

        var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
        var site = start.Site.ToString();
        var id = start.Id ?? string.Create(CultureInfo.InvariantCulture, $"{site}-{DateTimeOffset.FromUnixTimeSeconds(now):yyyyMMdd-HHmmss}");
        var stored = new RolloutStart(id, site, start.To.ToString(), pilot, start.Window, start.HaltFailures, start.HaltRate.ToString(), now, Audits.Actor(http));
        var audited = request! with { Id = id, Site = site, Version = stored.To, Pilot = pilot, Window = Policy.Rollouts.Duration.Format(start.Window), HaltFailures = start.HaltFailures, HaltRate = stored.HaltRate };
        var (result, row, reason) = await store.StartRolloutAsync(stored, Audits.Of(http, time, "rollout.start", id, audited, ProtocolJson.Default.RolloutStartRequest), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Status switch
            {
                StoreStatus.NotFound => Problems.Conflict("site", $"there is no site {site}; create it first"),
                StoreStatus.AlreadyExists => Problems.Conflict("id", $"a rollout with the id '{id}' exists already; ids are never reused"),
                _ when result.Refusal is PackageMissing missing => Problems.Conflict("version", RefusalWords.Of(missing)),
                _ => Problems.FromStore(result, $"rollout {id}"),
            };
        }

        var facts = await store.ReadProgressAsync(row!.Id, cancellationToken).ConfigureAwait(false);
        var view = RolloutViews.Of(facts!, now, reason);

        // A pilot that cannot succeed by itself is warned of, not refused: promote ends a pilot.
        var warnings = await sites.FindSiteAsync(site, cancellationToken).ConfigureAwait(false) is { } siteRow
            ? PilotWarnings.Of(siteRow, tables, row, [.. found.Where(c => pilot.Contains(c.Id, StringComparer.Ordinal))])
            : [];
        return TypedResults.Created(Routes.Rollout(id), warnings.Count == 0 ? view : view with { Warnings = warnings });
    }

    private static async Task<IResult> ChangeAsync(
        string id, string word, HttpContext http, IRolloutStore store, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var (result, reason, now) = await ApplyVerbAsync(id, word, http, store, clock, time, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Status == StoreStatus.NotFound ? Problems.NotFound($"there is no rollout '{RolloutInput.Shown(id)}'") : Problems.FromStore(result, $"rollout {id}");
        }

        var facts = await store.ReadProgressAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(RolloutViews.Of(facts!, now, reason));
    }

    /// <summary>
    /// Rolls back rollout <paramref name="id"/> at the rollout clock's now with <paramref name="reason"/> (at most
    /// <see cref="RolloutInput.MaxReasonLength"/> characters, checked by the caller; blank is none), writing its downgrade
    /// order and its audit row (<c>rollout.rollback</c>): NotFound for an id that cannot exist, else the store's answer
    /// (Policy's refusal when the rollout cannot be rolled back) and Policy's reason in words. The API's
    /// <c>POST /v1/rollouts/{id}/rollback</c> and the console's rollback form both roll back here.
    /// </summary>
    internal static async Task<(StoreResult Result, string Reason, long Now)> ApplyRollbackAsync(
        string id, string? reason, HttpContext http, IRolloutStore store, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!RolloutInput.ValidId(id))
        {
            return (new StoreResult(StoreStatus.NotFound), "", 0);
        }

        var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var order = new RollbackOrder(id, Guid.CreateVersion7(time.GetUtcNow()).ToString(), why, now, Audits.Actor(http));
        var audit = Audits.Of(http, time, "rollout.rollback", id, new RollbackRequest(why), ProtocolJson.Default.RollbackRequest);
        var (result, _, words) = await store.RollbackRolloutAsync(order, audit, cancellationToken).ConfigureAwait(false);
        return (result, words, now);
    }

    /// <summary>
    /// Applies <paramref name="word"/> (one of <see cref="RolloutVerbs.StateVerbs"/>) to rollout <paramref name="id"/>
    /// at the rollout clock's now, with its audit row (<c>rollout.WORD</c>): NotFound for an id that cannot exist, else
    /// the store's answer and Policy's reason in words. The API's verbs and the console's buttons both apply them here.
    /// </summary>
    internal static async Task<(StoreResult Result, string Reason, long Now)> ApplyVerbAsync(
        string id, string word, HttpContext http, IRolloutStore store, IRolloutClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(store);
        if (!RolloutInput.ValidId(id))
        {
            return (new StoreResult(StoreStatus.NotFound), "", 0);
        }

        var now = await clock.NowAsync(cancellationToken).ConfigureAwait(false);
        var (result, _, reason) = await store.ChangeRolloutAsync(id, word, now, Audits.Of(http, time, "rollout." + word, id, ""), cancellationToken).ConfigureAwait(false);
        return (result, reason, now);
    }
}
