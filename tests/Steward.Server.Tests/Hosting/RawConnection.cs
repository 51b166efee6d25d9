using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Steward.Server.Tests.Hosting;

/// <summary>
/// One TCP connection to a server that sends bytes exactly as given (broken framing included) and reads
/// HTTP/1.1 answers one at a time, so that a second request on the same keep-alive connection can be tried.
/// </summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly MemoryStream _pending = new();

    private RawConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        return new RawConnection(tcp);
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends nothing more: the server reads the end of the stream.</summary>
    public void EndSending() => _tcp.Client.Shutdown(SocketShutdown.Send);

    /// <summary>The next answer, or null when the server closed the connection without one.</summary>
    public async Task<RawResponse?> ReadResponseAsync(CancellationToken cancellationToken = default)
    {
        var head = await ReadHeadAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(cancellationToken);
        }
        else
        {
            body = [];
        }

        return new RawResponse(status, headers, body);
    }

    private async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var end = "\r\n\r\n"u8.ToArray();
        while (true)
        {
            var buffered = _pending.ToArray();
            var at = buffered.AsSpan().IndexOf(end);
            if (at >= 0)
            {
                Consume(at + end.Length);
                return Encoding.ASCII.GetString(buffered, 0, at);
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                await ReadLineAsync(cancellationToken);
                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffered = _pending.ToArray();
            var at = buffered.AsSpan().IndexOf("\r\n"u8);
            if (at >= 0)
            {
                Consume(at + 2);
                return Encoding.ASCII.GetString(buffered, 0, at);
            }

            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException("the connection ended inside a chunked body");
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_pending.Length < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException($"the connection ended after {_pending.Length} of {count} body bytes");
            }
        }

        var bytes = _pending.ToArray()[..count];
        Consume(count);
        return bytes;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        int read;
        try
        {
            read = await _stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            // Reset by the server: as good as closed.
            return false;
        }

        _pending.Seek(0, SeekOrigin.End);
        _pending.Write(buffer, 0, read);
        return read > 0;
    }

    private void Consume(int count)
    {
        var rest = _pending.ToArray()[count..];
        _pending.SetLength(0);
        _pending.Write(rest);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
        await _pending.DisposeAsync();
    }
}

/// <summary>An HTTP/1.1 answer as it came over the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? ContentType => Headers.TryGetValue("Content-Type", out var type) ? type : null;

    public bool Closes => Headers.TryGetValue("Connection", out var connection) && connection.Contains("close", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Status} {ContentType}\n{string.Join("\n", Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Text}";
}
