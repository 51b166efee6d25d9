using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Fuzz;

/// <summary>One operation of the server's OpenAPI document: method, path template, parameters and body.</summary>
/// <param name="Method">GET, POST, PUT or DELETE.</param>
/// <param name="Template">The path with <c>{name}</c> placeholders.</param>
/// <param name="PathParameters">The placeholders' names, in order.</param>
/// <param name="QueryParameters">The query parameters' names.</param>
/// <param name="BodyType">The request body's content type, or null when there is none.</param>
/// <param name="BodySchema">The body's schema, with references resolved, or null.</param>
public sealed record ApiOperation(string Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, string? BodyType, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every operation of the document, in its order.</summary>
    public static IReadOnlyList<ApiOperation> Read(JsonDocument openApi)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        var root = JsonNode.Parse(openApi.RootElement.GetRawText())!;
        var operations = new List<ApiOperation>();
        foreach (var (template, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method == "parameters")
                {
                    continue;
                }

                var parameters = operation!["parameters"]?.AsArray() ?? [];
                var content = operation["requestBody"]?["content"]?.AsObject();
                var body = content?.FirstOrDefault();
                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(),
                    template,
                    [.. parameters.Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!)],
                    [.. parameters.Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!)],
                    body?.Key,
                    body?.Value?["schema"] is { } schema ? Resolve(schema, root) : null));
            }
        }

        return operations;
    }

    // The schema with every $ref replaced by its target (the protocol's types do not refer to themselves).
    private static JsonNode Resolve(JsonNode schema, JsonNode root, int depth = 0)
    {
        if (depth > 16)
        {
            return new JsonObject();
        }

        if (schema is JsonObject o && o["$ref"] is { } reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            return Resolve(root["components"]!["schemas"]![name]!, root, depth + 1);
        }

        return schema switch
        {
            JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Resolve(p.Value, root, depth + 1)))),
            JsonArray array => new JsonArray([.. array.Select(e => e is null ? null : Resolve(e, root, depth + 1))]),
            _ => schema.DeepClone(),
        };
    }
}
