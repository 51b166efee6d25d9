using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;

namespace Steward.Server.Http.ApiDocument;

/// <summary>
/// The request bodies' schemas say what the server refuses without: a record's parameters are all
/// nullable so that a missing field is a 400 naming it rather than a parse error, which makes the
/// generated schema call every field required and nullable. Here exactly the fields whose absence or null
/// is refused are required and not nullable; every other field may be left out or null.
/// </summary>
internal sealed class RequestSchemas : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        // `code` comes from the path of a replacement, so only a creation needs it in the body.
        [typeof(SiteRequest)] = ["version", "boundaries"],
        [typeof(SiteVersionRequest)] = ["version"],

        // `name` likewise; `senior` and `enrollmentSecret` default (the newest site, a secret the server makes).
        [typeof(LogonPointRequest)] = ["sites"],
        [typeof(TravelRequest)] = ["enabled"],

        // Without the enrollment secret the answer is a 401; `trigger` defaults to logon.
        [typeof(LogonRequest)] = ["enrollmentSecret", "computerName", "addresses"],
        [typeof(CycleRequest)] = ["addresses"],
        [typeof(UpgradeReport)] = ["version"],

        // Everything else of a rollout has a default: no pilot, a window of 0, the halt rule 5 and 0.05.
        [typeof(RolloutStartRequest)] = ["site", "version"],

        // A rollback's body and its reason may both be left out.
        [typeof(RollbackRequest)] = [],

        // `expiresIn` left out: a token that does not expire.
        [typeof(TokenRequest)] = ["name", "role"],

        // `steward push`'s record of one host: what happened there is in `detail`, the rest may be unknown.
        [typeof(PushAttempt)] = ["host", "result"],

        // A self-check says whether it passed; `failed` defaults to none.
        [typeof(HealthReport)] = ["healthy"],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        // A body's type is met as a body and as a property (a cycle's `lastUpgrade`): one schema for both.
        if (!Required.TryGetValue(context.JsonTypeInfo.Type, out var required))
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var name in required)
        {
            if (schema.Properties?[name] is OpenApiSchema property && property.Type is { } type)
            {
                property.Type = type & ~JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }
}
