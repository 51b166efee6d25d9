using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Steward.Server.Http;

/// <summary>
/// A 200 answer in JSON for the agents' endpoints, written with the protocol's generated serializer and a
/// Content-Length. Unlike <c>TypedResults.Ok</c> it needs nothing from the request's services: every
/// maintenance cycle answers through it, and a request scope is three more objects per request. An answer
/// made to be sent many times (<see cref="Kept"/>) is serialized once.
/// </summary>
internal sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> type) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    private byte[]? _kept;
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public int? StatusCode => StatusCodes.Status200OK;

    public T Value => value;

    object? IValueHttpResult.Value => value;

    /// <summary>The same answer, serialized now, to be sent any number of times from any thread.</summary>
    public static JsonAnswer<T> Kept(T value, JsonTypeInfo<T> type) => new(value, type) { _kept = JsonSerializer.SerializeToUtf8Bytes(value, type) };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (_kept is { } kept)
        {
            return Send(httpContext, kept);
        }

        // Serialized on this thread into a buffer it keeps, then copied to the response: nothing of the
        // buffer is held across an await.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();

        var sent = Send(httpContext, buffer.WrittenSpan);
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null;
        }

        return sent;
    }

    // Copies the bytes into the response before returning: the caller's buffer is free again at once.
    private static Task<System.IO.Pipelines.FlushResult> Send(HttpContext httpContext, ReadOnlySpan<byte> json)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        var body = response.BodyWriter;
        body.Write(json);
        return body.FlushAsync(httpContext.RequestAborted).AsTask();
    }
}
