using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Audit;

/// <summary><c>/v1/audit</c>: the administrative changes, newest first.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Audit, async (int? limit, IStewardStore store, CancellationToken cancellationToken) =>
        {
            if (limit is < 1 or > 10000)
            {
                return Problems.Invalid("limit", "between 1 and 10000");
            }

            var rows = await store.ListAuditAsync(limit ?? 100, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(rows.Select(r => new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Actor, r.Action, r.Target, r.Details)).ToList());
        }).Produces<IReadOnlyList<AuditEntry>>().WithName("listAuditEntries").RequiresRole(AdminRole.Viewer).WithSummary("Who changed what, and when; newest first.");
    }
}
