using System.Text;

namespace Steward.Server.Tests.Fuzz;

/// <summary>How the body is framed on the wire.</summary>
public enum Framing
{
    /// <summary>No body and no length.</summary>
    None,

    /// <summary>A correct Content-Length.</summary>
    ContentLength,

    /// <summary>Correct chunks.</summary>
    Chunked,

    /// <summary>A chunk size line that is not hex.</summary>
    BadChunkSize,

    /// <summary>A Content-Length shorter than the bytes sent: the rest is garbage after the request.</summary>
    ContentLengthShort,

    /// <summary>A Content-Length longer than the bytes sent, then the client stops sending.</summary>
    ContentLengthLongThenEnd,
}

/// <summary>Who the request claims to be.</summary>
public enum Credential
{
    None,
    Admin,
    Client,
    UnknownBearer,
    MalformedBasic,
}

/// <summary>One request the fuzz tests send, exactly as it goes on the wire.</summary>
public sealed record FuzzRequest(ApiOperation Operation, string Method, Credential Credential, string Path, string Query, string? ContentType, byte[] Body, Framing Framing)
{
    // Kestrel's default MaxRequestLineSize.
    private const int MaxRequestLine = 8192;

    /// <summary>
    /// Kestrel refuses, before the application sees the request, a path that decodes to a NUL (400) and a
    /// request line longer than its limit (414), with an empty body and <c>Connection: close</c>: those
    /// answers cannot be shaped. Null when the line is so near the limit that either may happen.
    /// </summary>
    public bool? KestrelRefuses
    {
        get
        {
            var line = $"{Method} {Path}{Query} HTTP/1.1\r\n".Length;
            return Math.Abs(line - MaxRequestLine) <= 4 ? null : line > MaxRequestLine || Path.Contains("%00", StringComparison.Ordinal);
        }
    }

    /// <summary>The client stops sending before its body is complete: there may be no one left to answer.</summary>
    public bool ClientLeaves => Framing == Framing.ContentLengthLongThenEnd;

    public byte[] Bytes(FuzzServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var head = new StringBuilder($"{Method} {Path}{Query} HTTP/1.1\r\nHost: {server.App.Address.Authority}\r\n");
        var authorization = Credential switch
        {
            Credential.Admin => $"Bearer {server.App.AdminToken}",
            Credential.Client => server.ClientAuthenticator.ToString(),
            Credential.UnknownBearer => "Bearer stw_admin_not-a-token",
            Credential.MalformedBasic => "Basic !!not-base64:",
            _ => null,
        };
        if (authorization is not null)
        {
            head.Append($"Authorization: {authorization}\r\n");
        }

        if (ContentType is not null)
        {
            head.Append($"Content-Type: {ContentType}\r\n");
        }

        var body = new MemoryStream();
        switch (Framing)
        {
            case Framing.ContentLength:
                head.Append($"Content-Length: {Body.Length}\r\n");
                body.Write(Body);
                break;
            case Framing.ContentLengthShort:
                head.Append($"Content-Length: {Body.Length / 2}\r\n");
                body.Write(Body);
                break;
            case Framing.ContentLengthLongThenEnd:
                head.Append($"Content-Length: {Body.Length + 17}\r\n");
                body.Write(Body);
                break;
            case Framing.Chunked:
            case Framing.BadChunkSize:
                head.Append("Transfer-Encoding: chunked\r\n");
                var half = Body.Length / 2;
                Chunk(body, Body.AsSpan(0, half), bad: false);
                Chunk(body, Body.AsSpan(half), bad: Framing == Framing.BadChunkSize);
                body.Write("0\r\n\r\n"u8);
                break;
            default:
                break;
        }

        head.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. body.ToArray()];
    }

    private static void Chunk(MemoryStream body, ReadOnlySpan<byte> bytes, bool bad)
    {
        if (bytes.Length == 0 && !bad)
        {
            return;
        }

        body.Write(Encoding.ASCII.GetBytes(bad ? "zz\r\n" : $"{bytes.Length:x}\r\n"));
        body.Write(bytes);
        body.Write("\r\n"u8);
    }

    public override string ToString()
    {
        var preview = Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)));
        return $"{Method} {Shorten(Path)}{Shorten(Query)} as {Credential}, {Framing}, Content-Type {ContentType ?? "(none)"}, "
            + $"{Body.Length} body bytes: {preview}{(Body.Length > 300 ? "..." : "")} [operation {Operation}]";
    }

    private static string Shorten(string text) => text.Length > 200 ? $"{text[..200]}...({text.Length} chars)" : text;
}
