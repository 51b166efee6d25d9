using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Steward.Server.Http.ApiDocument;

/// <summary>
/// States on every operation what holds for all of them alike, so that no endpoint has to repeat it: the
/// credentials it takes (its <see cref="ApiAccess"/>) and the 401 of a refused credential, the 400, 408, 413
/// and 415 of a body, the 400 of a query, and a problem document as the body of every refusal.
/// </summary>
internal sealed class OperationFacts : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document;
        operation.Responses ??= [];
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiAccess>().LastOrDefault() is { } access)
        {
            operation.Security = [.. access.Schemes.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, document)] = [] })];
            if (access.Schemes.Count > 0)
            {
                Refuses(operation, StatusCodes.Status401Unauthorized);
            }
        }

        // Routing refuses a body of another media type than the endpoint accepts before the endpoint runs.
        if (operation.RequestBody?.Content is { Count: > 0 })
        {
            Refuses(operation, StatusCodes.Status400BadRequest);
            Refuses(operation, StatusCodes.Status408RequestTimeout);
            Refuses(operation, StatusCodes.Status413PayloadTooLarge);
            Refuses(operation, StatusCodes.Status415UnsupportedMediaType);
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            Refuses(operation, StatusCodes.Status400BadRequest);
        }

        // Every refusal, whether declared here or by the endpoint, is a problem document of one shape; the
        // responses are listed in the order of their status.
        var responses = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (code, response) in responses)
        {
            operation.Responses[code] = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 400
                ? ProblemSchemas.Response(status, document)
                : response;
        }

        return Task.CompletedTask;
    }

    private static void Refuses(OpenApiOperation operation, int status) =>
        operation.Responses!.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
}
