using System.Globalization;
using Steward.Policy.Decisions;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Sites;
using Steward.Server.Storage;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Clients;

/// <summary><c>/v1/clients</c>: list and filter clients; one client's full history with every reason; its travel mode.</summary>
internal static class ClientEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Clients, async (string? site, string? version, string? outcome, string? seenAfter, string? seenBefore, bool? inactive, int? limit, string? after, string? health,
            IStewardStore store, ServerOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var errors = new FieldErrors();
            var filter = new ClientFilter(
                site is null ? null : SiteInput.Code(site, "site", errors)?.ToString(),
                version is null or "none" ? version : SiteInput.Version(version, "version", errors)?.ToString(),
                outcome,
                Time(seenAfter, "seenAfter", errors),
                inactive == true ? Earlier(Time(seenBefore, "seenBefore", errors), options.InactiveBefore(time.GetUtcNow())) : Time(seenBefore, "seenBefore", errors),
                after,
                limit ?? DefaultLimit,
                Health: health);
            if (outcome is not null && !Words.IsOutcome(outcome))
            {
                errors.Add("outcome", $"'{outcome}' is not an outcome word ({string.Join(", ", Enum.GetNames<Outcome>())})");
            }

            if (health is not null && !HealthWords.Filters.Contains(health))
            {
                errors.Add("health", $"'{health}' is not a health word ({string.Join(", ", HealthWords.Filters)})");
            }

            if (filter.Limit is < 1 or > MaxLimit)
            {
                errors.Add("limit", $"between 1 and {MaxLimit}");
            }

            if (errors.Any)
            {
                return Problems.Invalid(errors);
            }

            var rows = await store.ListClientsAsync(filter with { Limit = filter.Limit + 1 }, cancellationToken).ConfigureAwait(false);
            var page = rows.Take(filter.Limit).Select(ClientViews.Of).ToList();
            return TypedResults.Ok(new ClientPage(page, rows.Count > filter.Limit ? page[^1].Id : null));
        }).Produces<ClientPage>().ProducesValidationProblem()
        .WithName("listClients").RequiresRole(AdminRole.Viewer).WithSummary("Clients in id order, filtered by site, installed version ('none': no agent), last outcome, last seen (ISO 8601) and health (healthy, unhealthy, unknown: the agent's daily self-check); 'inactive': not seen for Steward:InactiveDays (default 7); 'after' pages.");

        group.MapGet(RouteTemplates.Client, async (string id, IStewardStore store, CancellationToken cancellationToken) =>
        {
            var client = id.Length <= 64 ? await store.FindClientAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (client is null)
            {
                return Problems.NotFound($"there is no client '{id}'");
            }

            var decisions = await store.ListDecisionsAsync(id, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ClientHistory(ClientViews.Of(client), [.. decisions.Select(ClientViews.Of)]));
        }).Produces<ClientHistory>().ProducesProblem(StatusCodes.Status404NotFound).WithName("getClientHistory").RequiresRole(AdminRole.Viewer).WithSummary("One client and every decision about it, with its reason.");

        ClientTravelEndpoint.Map(group);
    }

    private static long? Earlier(long? given, long inactiveBefore) => given is { } before && before < inactiveBefore ? before : inactiveBefore;

    private static long? Time(string? text, string field, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }

        errors.Add(field, $"'{text}' is not a time; use ISO 8601, like 2026-12-01T08:00:00Z");
        return null;
    }
}
