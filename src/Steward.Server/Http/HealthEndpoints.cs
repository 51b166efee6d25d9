using Steward.Protocol;
using Steward.Server.Heartbeats;
using Steward.Server.Storage;

namespace Steward.Server.Http;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its database does too, and batched heartbeats are being written.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Routes.Health, () => TypedResults.Text("ok\n")).WithTags("health").ExcludeFromDescription().AllowAnonymous();
        app.MapGet(Routes.Ready, async (IStewardStore store, HeartbeatQueue heartbeats, CancellationToken cancellationToken) =>
        {
            try
            {
                await store.PingAsync(cancellationToken).ConfigureAwait(false);
                return heartbeats.Failure is { } failure ? Problems.Unavailable(failure.Describe()) : Results.Text("ready\n");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Problems.Unavailable($"the database does not answer: {e.Message}");
            }
        }).WithTags("health").ExcludeFromDescription().AllowAnonymous();
    }
}
