using Microsoft.OpenApi;

namespace Steward.Server.Http.ApiDocument;

/// <summary>
/// The RFC 7807 problem documents every refusal is, as schemas of the OpenAPI document, and what each
/// refusal status means here.
/// </summary>
internal static class ProblemSchemas
{
    public const string MediaType = "application/problem+json";
    public const string Problem = "Problem";
    public const string ValidationProblem = "ValidationProblem";

    /// <summary>What each status the server refuses with means, for the response's description.</summary>
    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] = "Bad request: a field is missing or malformed; `errors` names each field at fault.",
        [StatusCodes.Status401Unauthorized] = "Not authenticated: no credentials, or credentials the server does not know.",
        [StatusCodes.Status404NotFound] = "Not found: what the path names does not exist.",
        [StatusCodes.Status408RequestTimeout] = "The body came slower than the server's minimum data rate; the connection is closed.",
        [StatusCodes.Status409Conflict] = "Conflict with what the server holds (exists already, no package of that version, still in use, changed during every attempt).",
        [StatusCodes.Status412PreconditionFailed] = "Precondition failed: `If-Match` names a revision that is no longer current.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than this operation accepts.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not of the media type this operation takes (`application/json`; a package: `application/zip`).",
        [StatusCodes.Status416RangeNotSatisfiable] = "`Range` asks for bytes the archive does not have.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests from this address; `Retry-After` says when to try again.",
        [StatusCodes.Status503ServiceUnavailable] = "Not available now (a decision would deliver a version with no published package).",
    };

    public static string Meaning(int status) => Meanings.TryGetValue(status, out var meaning) ? meaning : $"Refused ({status}).";

    /// <summary>The response for a refusal with <paramref name="status"/>: a problem document, with <c>errors</c> for a 400.</summary>
    public static OpenApiResponse Response(int status, OpenApiDocument? document) => new()
    {
        Description = Meaning(status),
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [MediaType] = new() { Schema = new OpenApiSchemaReference(status == StatusCodes.Status400BadRequest ? ValidationProblem : Problem, document) },
        },
    };

    /// <summary>Puts both schemas in the document's components.</summary>
    public static void AddTo(OpenApiComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 7807 problem document: what was refused and why, in words.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "title", "status", "detail" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = Text("A URI reference naming the kind of problem."),
                ["title"] = Text("A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What was wrong with this request, in words."),
                ["instance"] = Text("A URI reference naming this occurrence."),
                ["traceId"] = Text("The request's trace id, to find it in the server's log."),
            },
        };
        components.Schemas[ValidationProblem] = new OpenApiSchema
        {
            Description = "A problem document for invalid input: `errors` names each field at fault (JSON names, with indices: `boundaries[2]`, `lastUpgrade.version`).",
            AllOf =
            [
                new OpenApiSchemaReference(Problem),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "The messages for each field at fault, by field.",
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
            ],
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
