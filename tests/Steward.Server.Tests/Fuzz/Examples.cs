using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Fuzz;

/// <summary>
/// A well-formed body for an operation, made from its schema in the OpenAPI document with values the
/// server accepts where the field's name is known: mutations of it reach the checks behind the parser.
/// </summary>
public static class Examples
{
    public static JsonNode For(ApiOperation operation, FuzzServer server)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(server);
        return operation.BodySchema is { } schema ? Value(schema, null, server) ?? new JsonObject() : new JsonObject();
    }

    private static JsonNode? Value(JsonNode schema, string? name, FuzzServer server)
    {
        if (schema["oneOf"] is JsonArray choices)
        {
            // A nullable reference: the non-null choice.
            var choice = choices.FirstOrDefault(c => (string?)c?["type"] != "null");
            return choice is null ? null : Value(choice, name, server);
        }

        var types = schema["type"] switch
        {
            JsonArray array => array.Select(t => (string?)t).ToArray(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var obj = new JsonObject();
            foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                obj[property] = propertySchema is null ? null : Value(propertySchema, property, server);
            }

            return obj;
        }

        if (types.Contains("array"))
        {
            var item = schema["items"] is { } items ? Value(items, Singular(name), server) : null;
            return new JsonArray(item);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(true);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        return JsonValue.Create(Known(name, server));
    }

    private static string? Singular(string? name) => name switch
    {
        "boundaries" => "boundary",
        "addresses" => "address",
        "sites" => "site",
        _ => name,
    };

    private static string? Known(string? name, FuzzServer server) => name switch
    {
        "code" or "site" or "senior" => FuzzServer.Site,
        "version" or "installed" => FuzzServer.Version,
        "boundary" => "10.0.0.0/8",
        "address" => "10.1.2.3",
        "name" => FuzzServer.LogonPoint,
        "enrollmentSecret" => server.EnrollmentSecret,
        "trigger" => "logon",
        "computerName" => "PC-FUZZ",
        "clientId" or "clientSecret" or "running" or "message" => null,
        _ => "x",
    };
}
