using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Steward.Server.Http;

/// <summary>
/// Turns what a client got wrong below the endpoints into its own 4xx problem document: a parameter that
/// does not bind (<c>?limit=abc</c>, named in <c>errors</c>), broken body framing (a bad chunk size, a
/// body shorter than its Content-Length: 400), a body slower than Kestrel's minimum data rate (408). All
/// reach the exception handler as <see cref="BadHttpRequestException"/> with the status to answer. They
/// are the client's fault, not the server's, so they are logged at Debug, not as errors.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogRefused(bad.StatusCode, bad.Message);
        ProblemDetails? problem = Binding(bad);
        if (problem is null)
        {
            // The body's framing is broken or it stopped coming: what follows on the connection cannot be
            // trusted to start a request, and Kestrel would read on where the broken body left it.
            httpContext.Response.Headers.Connection = "close";
        }

        problem ??= new ProblemDetails { Title = Title(bad.StatusCode), Detail = Detail(bad) };
        problem.Status = bad.StatusCode;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    // Minimal APIs say which parameter failed only in words: "Failed to bind parameter "int? limit" from
    // "abc"." and "Required parameter "string version" was not provided from query string.".
    private static HttpValidationProblemDetails? Binding(BadHttpRequestException bad)
    {
        var match = BindingMessage().Match(bad.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var message = match.Groups["value"].Success
            ? $"'{match.Groups["value"].Value}' is not {Kind(match.Groups["type"].Value)}"
            : "required";
        var errors = new FieldErrors().Add(name, message);
        return new HttpValidationProblemDetails(errors.ToDictionary()) { Title = "The request is not valid.", Detail = errors.Summary };
    }

    private static string Kind(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "a whole number",
        "bool" or "Boolean" => "true or false",
        "Guid" => "a GUID",
        "DateTimeOffset" or "DateTime" => "a time (ISO 8601)",
        var other => $"a valid {other}",
    };

    private static string Detail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => "the request body came more slowly than the server's minimum data rate; send it at once",
        StatusCodes.Status413PayloadTooLarge => "the request body is larger than this endpoint accepts",
        _ => $"the request is malformed: {bad.Message}",
    };

    private static string Title(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body timed out.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => "The request is malformed.",
    };

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?<type>[^"]*) (?<name>[^" ]+)"(?: from "(?<value>.*)")?""", RegexOptions.Singleline)]
    private static partial Regex BindingMessage();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a malformed request with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
