using System.Security.Cryptography;
using Steward.Server.Hosting;
using Steward.Server.Security;

namespace Steward.Server.Packages;

/// <summary>
/// Package archives on disk, named by their SHA-256, so that two versions can never share a file by
/// accident and a download is a plain file streamed from disk. Uploads land in <c>incoming/</c> first and
/// are moved into place only when complete and checked.
/// </summary>
internal sealed class PackageStore(ServerOptions options)
{
    private string Incoming => Path.Combine(options.PackagesPath, "incoming");

    /// <summary>Where the archive of this hash is (or would be).</summary>
    public string PathOf(string sha256) => Path.Combine(options.PackagesPath, sha256 + ".zip");

    /// <summary>
    /// Streams a body to a temporary file, hashing it on the way; null when it exceeds
    /// <paramref name="maxBytes"/> (the file is removed).
    /// </summary>
    public async Task<ReceivedArchive?> ReceiveAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        OwnerOnly.CreateDirectory(Incoming);
        var path = Path.Combine(Incoming, Guid.NewGuid().ToString("N") + ".partial");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        try
        {
            // Owner-only from its creation, like everything in the packages directory; the mode goes with it when it is moved into place.
            var create = OwnerOnly.Stream(FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.Asynchronous);
            create.BufferSize = 1 << 16;
            await using var file = new FileStream(path, create);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    return null;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new ReceivedArchive(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>Moves a checked upload to its place (an identical archive there already is simply replaced by the same bytes).</summary>
    public string Commit(ReceivedArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var target = PathOf(archive.Sha256);
        File.Move(archive.Path, target, overwrite: true);
        return target;
    }

    /// <summary>Removes an upload that was not moved into place (nothing happens when it was).</summary>
    public static void Discard(ReceivedArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        File.Delete(archive.Path);
    }
}

/// <summary>An upload on disk, not yet in place.</summary>
internal sealed record ReceivedArchive(string Path, string Sha256, long Size);
