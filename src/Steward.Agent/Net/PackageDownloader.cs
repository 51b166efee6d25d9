using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Steward.Agent.Cli;
using Steward.Packaging;

namespace Steward.Agent.Net;

/// <summary>
/// Downloads a package archive into <c>downloads/&lt;sha256&gt;.partial</c>, resuming what an earlier,
/// interrupted run left (<c>Range</c> with <c>If-Range</c> on the archive's ETag), and returns only once
/// the file has exactly the signed size and SHA-256. It never holds the archive in memory and never
/// reads more than one byte past the signed size, so a server that sends more is caught at once.
/// </summary>
/// <param name="connection">The HTTP client and its limits.</param>
/// <param name="console">Where progress goes.</param>
internal sealed class PackageDownloader(ServerConnection connection, AgentConsole console)
{
    /// <summary>The HTTP client and its limits.</summary>
    public ServerConnection Connection { get; } = connection;

    /// <summary>Where progress goes.</summary>
    public AgentConsole Console { get; } = console;

    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="partialPath"/> until it holds <paramref name="size"/>
    /// bytes with SHA-256 <paramref name="sha256"/>. Throws <see cref="PackageException"/> for content that is
    /// wrong (the partial file is removed) and a transient <see cref="AgentException"/> for a transfer cut
    /// short (the partial file is kept for the next attempt).
    /// </summary>
    public async Task DownloadAsync(Uri url, long size, string sha256, ClientCredentials? credentials, string partialPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(partialPath);
        Directory.CreateDirectory(Path.GetDirectoryName(partialPath)!);
        var have = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
        if (have > size)
        {
            // Left by something else, or by a server that sent too much before we checked: start again.
            File.Delete(partialPath);
            have = 0;
        }

        if (have < size)
        {
            if (have > 0)
            {
                Console.Progress(string.Create(CultureInfo.InvariantCulture, $"resuming the download at {have} of {size} bytes"));
            }

            have = await FetchAsync(url, size, sha256, credentials, partialPath, have, cancellationToken).ConfigureAwait(false);
        }

        if (have != size)
        {
            throw new AgentException(string.Create(CultureInfo.InvariantCulture,
                $"The download from {url} stopped at {have} of {size} bytes; the part received is kept and the next attempt resumes it.")) { Transient = true };
        }

        string actual;
        await using (var stream = new FileStream(partialPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(partialPath);
            throw new PackageException($"The downloaded archive's SHA-256 is {actual}, not the {sha256} the server signed; it is deleted and refused.");
        }
    }

    private async Task<long> FetchAsync(Uri url, long size, string sha256, ClientCredentials? credentials, string partialPath, long have, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = credentials?.Header();
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{sha256}\""));
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(Connection.Options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await Connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (Connection.Trust.Refused(e, url) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new AgentException($"Cannot reach {url}: {e.Message}", e) { Transient = true };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AgentException($"{url} did not answer within {Connection.Options.RequestTimeout.TotalSeconds:0} s.", e) { Transient = true };
        }

        using (response)
        {
            var append = false;
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange is { From: { } from } && from == have:
                    append = true;
                    break;
                case HttpStatusCode.OK:
                    have = 0;
                    break;
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    // The part we hold is not a prefix of this archive any more: start over next time.
                    File.Delete(partialPath);
                    throw new AgentException($"{url} refused to resume the download; it starts over at the next attempt.") { Transient = true };
                default:
                    var body = await response.Content.ReadAsByteArrayAsync(idle.Token).ConfigureAwait(false);
                    throw ServerConnection.Refusal(url, response.StatusCode, body);
            }

            if (response.Content.Headers.ContentLength is { } length && have + length > size)
            {
                File.Delete(partialPath);
                throw new PackageException(string.Create(CultureInfo.InvariantCulture,
                    $"{url} announces {have + length} bytes, but the server signed {size}; refused before reading it."));
            }

            await using var source = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
            await using var target = new FileStream(partialPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            return await CopyAsync(source, target, url, size, have, idle, cancellationToken).ConfigureAwait(false);
        }
    }

    // Reads at most size + 1 bytes in all: the one byte too many proves the server sends more than it signed.
    private async Task<long> CopyAsync(Stream source, FileStream target, Uri url, long size, long have, CancellationTokenSource idle, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var lastReported = have * 10 / Math.Max(1, size);
        try
        {
            while (true)
            {
                idle.CancelAfter(Connection.Options.IdleTimeout);
                var wanted = (int)Math.Min(buffer.Length, size + 1 - have);
                var read = await source.ReadAsync(buffer.AsMemory(0, wanted), idle.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (have + read > size)
                {
                    target.Close();
                    File.Delete(target.Name);
                    throw new PackageException(string.Create(CultureInfo.InvariantCulture,
                        $"{url} sent more than the {size} bytes the server signed; the download is deleted and refused."));
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                have += read;
                var tenth = have * 10 / Math.Max(1, size);
                if (tenth != lastReported)
                {
                    lastReported = tenth;
                    Console.Progress(string.Create(CultureInfo.InvariantCulture, $"downloaded {have} of {size} bytes ({tenth * 10} %)"));
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await FlushAsync(target).ConfigureAwait(false);
            throw new AgentException(string.Create(CultureInfo.InvariantCulture,
                $"{url} sent nothing for {Connection.Options.IdleTimeout.TotalSeconds:0} s (at {have} of {size} bytes); the part received is kept and the next attempt resumes it."), e)
            { Transient = true };
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException)
        {
            await FlushAsync(target).ConfigureAwait(false);
            throw new AgentException(string.Create(CultureInfo.InvariantCulture,
                $"The download from {url} broke off at {have} of {size} bytes ({e.Message}); the part received is kept and the next attempt resumes it."), e)
            { Transient = true };
        }
        catch (IOException e)
        {
            // Not the network: the disk (full, or failing). The installed agent is untouched; try again later.
            throw new AgentException(string.Create(CultureInfo.InvariantCulture,
                $"Cannot write the download to {target.Name} at {have} of {size} bytes: {e.Message}"), e)
            { Transient = true };
        }

        await FlushAsync(target).ConfigureAwait(false);
        return have;
    }

    private static async Task FlushAsync(FileStream target)
    {
        if (target.SafeFileHandle.IsClosed)
        {
            return;
        }

        await target.FlushAsync().ConfigureAwait(false);
        target.Flush(flushToDisk: true);
    }
}
