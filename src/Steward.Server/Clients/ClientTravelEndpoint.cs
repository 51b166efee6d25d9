using Steward.Policy.Decisions;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Clients;

/// <summary>
/// <c>PUT /v1/clients/{id}/travel</c>: an administrator turns a client's travel mode on or off. The change is
/// recorded in the client's history with the token's name and in the audit log; its next maintenance cycle
/// decides with it. The latest change, this one or the agent's own, wins (decision 0014).
/// </summary>
internal static class ClientTravelEndpoint
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPut(RouteTemplates.ClientTravel, async (string id, HttpContext http, IStewardStore store, DecisionRecorder recorder, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http.Request, ProtocolJson.Default.TravelRequest).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (request!.Enabled is not { } enabled)
            {
                return Problems.Invalid("enabled", "true to turn travel mode on, false to turn it off");
            }

            return await RetryOnChange.RunAsync<IResult>(
                async _ =>
                {
                    var client = id.Length <= 64 ? await store.FindClientAsync(id, cancellationToken).ConfigureAwait(false) : null;
                    if (client is null)
                    {
                        return Problems.NotFound($"there is no client '{id}'");
                    }

                    // Already so: nothing to record.
                    if (client.Travel == enabled)
                    {
                        return TypedResults.Ok(ClientViews.Of(client));
                    }

                    var audit = Audits.Of(http, time, enabled ? "client.travel.on" : "client.travel.off", client.Id, enabled ? "{\"enabled\":true}" : "{\"enabled\":false}");
                    var recorded = await recorder.RecordTravelAsync(client, enabled, TravelChange.ByToken(audit.Actor), "admin", seen: false, audit, cancellationToken).ConfigureAwait(false);
                    if (recorded != Recorded.Written)
                    {
                        return null;
                    }

                    var after = await store.FindClientAsync(id, cancellationToken).ConfigureAwait(false);
                    return after is null ? Problems.NotFound($"there is no client '{id}'") : TypedResults.Ok(ClientViews.Of(after));
                },
                Problems.Conflict(RetryOnChange.Exhausted)).ConfigureAwait(false);
        }).Accepts<TravelRequest>("application/json").Produces<ClientView>().ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("setClientTravel").RequiresRole(AdminRole.Operator).WithSummary("Turn a client's travel mode on or off; recorded in its history and the audit log. The latest change, the administrator's or the agent's, wins.");
    }
}
