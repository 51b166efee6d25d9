using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Steward.Server.Hosting;

namespace Steward.Server.Http.ApiDocument;

/// <summary>
/// What the OpenAPI document says once for all operations: its title, the two ways to authenticate (the
/// admin bearer token, a client's id and secret), the problem document schemas, the tags, and the server.
/// </summary>
internal sealed class DocumentFrame : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        document.Info.Title = "Steward site server";
        document.Info.Description = "Sites, logon points, packages and clients for administrators (bearer token); logon points, access points and package content for agents. See docs/PROTOCOL.md.";
        document.Servers = Servers(context.ApplicationServices.GetRequiredService<ServerOptions>());
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "admin", Description = "The admin API: sites, logon points, packages, clients, the fleet and the audit log. Every operation takes the administrator token." },
            new() { Name = "agent", Description = "What agents call: the logon point (enrollment secret in the body), the access point and their own record (client id and secret), package content." },
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiAccess.AdminTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The administrator token (first written to <data>/admin-token).",
        };
        document.Components.SecuritySchemes[ApiAccess.ClientSecretScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "basic", Description = "An enrolled client's id and secret, from its enrollment at a logon point.",
        };

        // Every refusal refers to these two; the framework's own problem schemas are left unused.
        ProblemSchemas.AddTo(document.Components);
        document.Components.Schemas!.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        return Task.CompletedTask;
    }

    // Behind a proxy the request's Host is the proxy's view, or a caller's invention: the document names
    // only the configured public address, and without one names none, so that a client resolves the paths
    // against the address it fetched the document from.
    private static List<OpenApiServer>? Servers(ServerOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl) ? null : [new OpenApiServer { Url = options.PublicUrl.TrimEnd('/') }];
}
