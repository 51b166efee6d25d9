using Microsoft.AspNetCore.Http.HttpResults;

namespace Steward.Server.Http;

/// <summary>
/// A file sent with range support whose refusal of an unsatisfiable range is a problem document: the
/// framework's answer is an empty 416 still labelled with the file's content type and name. The framework
/// decides (its rules for <c>Range</c> and <c>If-Range</c> are kept); only the refusal's body changes.
/// </summary>
internal sealed class RangeCheckedFile(PhysicalFileHttpResult file) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await file.ExecuteAsync(httpContext).ConfigureAwait(false);
        var response = httpContext.Response;
        if (response.StatusCode != StatusCodes.Status416RangeNotSatisfiable || response.HasStarted)
        {
            return;
        }

        // Content-Range (bytes */length) stays: it tells the client how long the file is.
        var length = response.Headers.ContentRange.ToString().Replace("bytes */", "", StringComparison.Ordinal);
        response.Headers.ContentDisposition = default;
        response.ContentLength = null;
        response.ContentType = null;
        await TypedResults.Problem(
            $"the range '{httpContext.Request.Headers.Range}' is outside the file, which has {length} bytes",
            statusCode: StatusCodes.Status416RangeNotSatisfiable,
            title: "Range not satisfiable.").ExecuteAsync(httpContext).ConfigureAwait(false);
    }
}
