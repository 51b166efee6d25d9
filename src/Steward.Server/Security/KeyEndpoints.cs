using System.Globalization;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Server.Http;
using Steward.Server.Security.Access;
using Steward.Server.Storage;

namespace Steward.Server.Security;

/// <summary>
/// <c>/v1/keys</c>: the package-signing keys with how many clients pin each, rotation, and retirement of an
/// older key no client pins (decision 0015).
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet(Routes.Keys, async (SigningKeys keys, IStewardStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListAsync(keys, store, cancellationToken).ConfigureAwait(false)))
            .Produces<IReadOnlyList<KeyView>>().WithName("listKeys").RequiresRole(AdminRole.Viewer).WithSummary("The package-signing keys: state, and how many clients pin each.");

        group.MapPost(Routes.KeyRotate, async (HttpContext http, SigningKeys keys, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (result, ring) = await keys.RotateAsync(Audits.Of(http, time, "key.rotate", "", ""), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Problems.FromStore(result, "the new key");
            }

            var list = await ListAsync(keys, store, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created(Routes.Keys, list.Single(k => k.Number == ring.Active.Number));
        }).Produces<KeyView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("rotateKey").RequiresRole(AdminRole.Admin).WithSummary("Make a new signing key, active from now on; clients adopt it, endorsed by the key they pin, at their next cycle.");

        group.MapPost(RouteTemplates.KeyRetire, async (string number, HttpContext http, SigningKeys keys, IStewardStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return Problems.Invalid("number", $"'{number}' is not a key number: 1, 2, ... as 'steward key list' shows");
            }

            var result = await keys.RetireAsync(parsed, Audits.Of(http, time, "key.retire", number, ""), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return Problems.FromStore(result, $"key {parsed}");
            }

            var list = await ListAsync(keys, store, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(list.Single(k => k.Number == parsed));
        }).Produces<KeyView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .WithName("retireKey").RequiresRole(AdminRole.Admin).WithSummary("Retire an older signing key no client pins any more; its private key is erased.");
    }

    // Read fresh: another server process may have rotated or retired meanwhile.
    private static async Task<IReadOnlyList<KeyView>> ListAsync(SigningKeys keys, IStewardStore store, CancellationToken cancellationToken)
    {
        var ring = await keys.ReloadAsync(cancellationToken).ConfigureAwait(false);
        var pins = await store.CountPinnedKeysAsync(cancellationToken).ConfigureAwait(false);
        return [.. ring.Keys.Select(k => new KeyView(
            k.Number, k.Fingerprint, k.Row.State, DateTimeOffset.FromUnixTimeMilliseconds(k.Row.CreatedAt),
            k.Row.RetiredAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, pins.GetValueOrDefault(k.Number), k.PublicKey))];
    }
}
