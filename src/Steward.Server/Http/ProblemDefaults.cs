namespace Steward.Server.Http;

/// <summary>
/// The <c>detail</c> of problem documents the server's own code does not write: the status code pages of
/// routing (no such path: 404, a method the path does not answer: 405, a content type the endpoint does
/// not accept: 415) and an unexpected failure (500). The endpoints' own problems already say what was
/// wrong, and are left as they are.
/// </summary>
internal static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var allowed = context.HttpContext.Response.Headers.Allow.ToString();
        problem.Detail = status switch
        {
            StatusCodes.Status404NotFound => $"nothing answers {request.Path}: see the OpenAPI document (/openapi/v1.json) for the paths of this API",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not answer {request.Method}; it answers {(allowed.Length == 0 ? "other methods" : allowed)}",
            StatusCodes.Status415UnsupportedMediaType =>
                $"this endpoint does not accept {(string.IsNullOrEmpty(request.ContentType) ? "a body without a Content-Type" : request.ContentType)}; JSON endpoints take application/json, a package upload application/zip",
            >= 500 => $"the server failed to answer this request; its log has the details under trace id {context.HttpContext.TraceIdentifier}",
            _ => $"the request was refused ({status} {ReasonPhrase(status)})",
        };
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
