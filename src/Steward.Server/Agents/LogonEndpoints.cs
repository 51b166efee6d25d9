using Steward.Protocol;
using Steward.Protocol.Agent;
using Steward.Server.Hosting;
using Steward.Server.Http;
using Steward.Server.Http.ApiDocument;

namespace Steward.Server.Agents;

/// <summary><c>POST /v1/logon/{name}</c>: logon bootstrap and manual install at a logon point.</summary>
internal static class LogonEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/logon/{name}", async (string name, HttpRequest http, LogonService logon, ServerOptions options, CancellationToken cancellationToken) =>
        {
            var (request, problem) = await JsonBody.ReadAsync(http, ProtocolJson.Default.LogonRequest).ConfigureAwait(false);
            return problem ?? await logon.LogonAsync(name, request!, AccessPoints.Origin(http, options), http.HttpContext.Connection.RemoteIpAddress, cancellationToken).ConfigureAwait(false);
        })
        .Accepts<LogonRequest>("application/json")
        .Produces<LogonResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithMetadata(ApiAccess.NoCredentials)
        .WithName("logon").AllowAnonymous()
        .WithDescription("No HTTP credentials: the logon point's enrollment secret is the body's `enrollmentSecret`; an enrolled agent adds its `clientId` and `clientSecret` there too.")
        .WithSummary("Logon bootstrap or manual install: the R1/R2 decision, and for a new client its credentials.");
    }
}
