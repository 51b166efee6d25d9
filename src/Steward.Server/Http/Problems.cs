using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Server.Storage;

namespace Steward.Server.Http;

/// <summary>RFC 7807 problem documents: what was wrong, with which field, in words.</summary>
internal static class Problems
{
    public static IResult Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.Summary, title: "The request is not valid.");
    }

    public static IResult Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Refused: it conflicts with what the server holds.", detail);

    /// <summary>A 409 whose cause is one field of the request: the problem names it under <c>errors</c>, as a 400 would.</summary>
    public static IResult Conflict(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [detail] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Refused: it conflicts with what the server holds.",
            Detail = $"{field}: {detail}",
        });

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Not authenticated.", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", detail);

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Not available now.", detail);

    /// <summary>The answer to a refused store write; <paramref name="what"/> names the thing (<c>site A01</c>).</summary>
    public static IResult FromStore(StoreResult result, string what) => result.Status switch
    {
        StoreStatus.NotFound => NotFound(Words(result, what)),
        StoreStatus.AlreadyExists => Conflict(Words(result, what)),
        StoreStatus.RevisionMismatch => Problem(StatusCodes.Status412PreconditionFailed, "Changed meanwhile.", Words(result, what)),
        _ when result.Refusal is { } refusal && RefusalWords.FieldOf(refusal) is { } field => Conflict(field, RefusalWords.Of(refusal)),
        _ => Conflict(Words(result, what)),
    };

    /// <summary>
    /// Why a store write was refused, in words (the <c>detail</c> of <see cref="FromStore"/>); <paramref name="what"/>
    /// names the thing (<c>site A01</c>). The console's forms show these words too.
    /// </summary>
    public static string Words(StoreResult result, string what)
    {
        var words = result.Refusal is { } refusal ? RefusalWords.Of(refusal) : null;
        return result.Status switch
        {
            StoreStatus.NotFound => $"{what} does not exist",
            StoreStatus.AlreadyExists => words ?? $"{what} exists already",
            StoreStatus.RevisionMismatch => words ?? $"{what} changed meanwhile; read it again and retry",
            _ => words ?? $"{what}: refused",
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
