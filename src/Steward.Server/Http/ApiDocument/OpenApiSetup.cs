using Microsoft.AspNetCore.OpenApi;

namespace Steward.Server.Http.ApiDocument;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: every transformer that makes it exact.</summary>
internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer<RequestSchemas>();
        options.AddOperationTransformer<OperationFacts>();
        options.AddDocumentTransformer<DocumentFrame>();
    }
}
