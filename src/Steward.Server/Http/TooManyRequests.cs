using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Steward.Server.Http;

/// <summary>A 429 problem document with <c>Retry-After</c> in whole seconds (RFC 9110), rounded up.</summary>
internal sealed class TooManyRequests(TimeSpan retryAfter, string detail) : IResult
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var seconds = (long)Math.Ceiling(Math.Max(1, RetryAfter.TotalSeconds));
        httpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.").ExecuteAsync(httpContext);
    }
}
