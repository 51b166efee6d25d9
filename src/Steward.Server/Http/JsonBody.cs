using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Steward.Server.Hosting;

namespace Steward.Server.Http;

/// <summary>
/// Reads a JSON request body with the protocol's serializer and turns every way it can be wrong (not
/// JSON, wrong type at a path, empty, too large) into a problem document rather than a bare 400.
/// </summary>
internal static class JsonBody
{
    public static Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync(request, type, request.HttpContext.RequestServices.GetRequiredService<ServerOptions>());
    }

    /// <param name="request">The request whose body is read.</param>
    /// <param name="type">The serializer's contract for the body.</param>
    /// <param name="options">The server's settings (the size limit).</param>
    /// <param name="fast">A reader for the body's common shape that returns null for anything else.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, ServerOptions options, Func<ReadOnlySequence<byte>, T?>? fast = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem($"the body must be application/json, not {contentType}", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type."));
        }

        // Kestrel enforces the limit while reading; checking the declared length first answers at once
        // and holds behind any host without Kestrel's limit.
        var limit = options.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge($"the body has {request.ContentLength} bytes; this endpoint accepts at most {limit}"));
        }

        ReadResult read;
        try
        {
            // The whole body is read first and parsed in one synchronous pass: an agent's request is a few
            // hundred bytes, and a streaming parse costs a resumable state machine per request.
            var reader = request.BodyReader;
            while (true)
            {
                read = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read.Buffer.Length > limit)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return (null, Problems.TooLarge($"the body is larger than the {limit} bytes this endpoint accepts"));
                }

                if (read.IsCompleted)
                {
                    break;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"the body is larger than the {limit} bytes this endpoint accepts"));
        }

        // Whatever the parse finds, the body is consumed: a reader left mid-read ends the connection.
        try
        {
            var value = fast?.Invoke(read.Buffer) ?? Parse(read.Buffer, type);
            return value is null ? (null, Problems.Invalid(JsonFieldNames.Body, "the body is empty or null; send a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(JsonFieldNames.Of(e.Path, type), $"not valid JSON for this field (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
    }

    private static T? Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> type)
    {
        var reader = new Utf8JsonReader(body);
        var value = JsonSerializer.Deserialize(ref reader, type);

        // Anything after the value but white space is an error, as it is for a whole-document parse.
        return reader.Read() ? throw new JsonException("there is more after the JSON value", "$", 0, reader.TokenStartIndex) : value;
    }
}
