using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Steward.Server.Http;

/// <summary>Names the two ways to authenticate in the OpenAPI document: the admin bearer token, and a client's id and secret.</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Steward site server";
        document.Info.Description = "Sites, logon points, packages and clients for administrators (bearer token); logon points, access points and package content for agents. See docs/PROTOCOL.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["adminToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The administrator token (first written to <data>/admin-token).",
        };
        document.Components.SecuritySchemes["clientSecret"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "basic", Description = "An enrolled client's id and secret, from its enrollment at a logon point.",
        };
        return Task.CompletedTask;
    }
}
