using Steward.Server.WebConsole.Access;

namespace Steward.Server.WebConsole;

/// <summary>
/// The console's own middleware, for its paths only: its response headers (a strict content security policy),
/// and its errors as pages, not the API's problem documents. A response that ends in an error status with no
/// body (a missing page, a refused form, a role too low) or an exception is answered by the error page with
/// the same status. The page is run directly: a re-execution through the pipeline would need the routing of
/// a branch, which the platform keeps apart from the application's routes.
/// </summary>
internal sealed partial class ConsoleErrorPages(EndpointDataSource endpoints, ILogger<ConsoleErrorPages> log)
{
    public const string Route = $"{ConsoleAccess.Path}/error/{{status:int}}";

    private const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Endpoint? _errorPage;

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments(ConsoleAccess.Path))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            Failed(e, http.Request.Path);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        var status = http.Response.StatusCode;
        if (status >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
        {
            await ShowAsync(http, status).ConfigureAwait(false);
        }
    }

    private Task ShowAsync(HttpContext http, int status)
    {
        _errorPage ??= endpoints.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText?.TrimStart('/') == Route[1..]);
        http.SetEndpoint(_errorPage);
        http.Request.RouteValues = new RouteValueDictionary { ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["page"] = "/Error" };
        return _errorPage.RequestDelegate!(http);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The console failed to answer {Path}")]
    private partial void Failed(Exception error, string path);
}
