using Steward.Server.Security;
using Steward.Server.Storage.Migrations;
using Steward.Server.Storage.Sql;

namespace Steward.Server.Hosting;

/// <summary>
/// Before the server takes requests: applies migrations, loads (or makes) the signing key, and on first
/// start makes the administrator token and writes it to a file only its owner can read.
/// </summary>
internal sealed partial class ServerInitializer(
    SqlStore store, SigningKeys signingKey, ServerOptions options, TimeProvider time, ILogger<ServerInitializer> log) : IHostedLifecycleService
{
    /// <summary>The administrator token file in the data directory.</summary>
    public const string TokenFile = "admin-token";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        RemoveAbandonedUploads();
        var applied = await MigrationRunner.ApplyAsync(store.Engine, cancellationToken).ConfigureAwait(false);
        var migrations = applied.Count == 0 ? "none" : string.Join(", ", applied);
        LogDatabase(store.Engine.Describe, migrations);
        await signingKey.LoadAsync(cancellationToken).ConfigureAwait(false);

        var token = Secrets.New("stw_admin_");
        if (await store.AddFirstAdminTokenAsync(Secrets.Hash(token), "admin", time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false))
        {
            var path = Path.Combine(options.DataPath, TokenFile);
            await WriteOwnerOnlyAsync(path, token + "\n", cancellationToken).ConfigureAwait(false);
            LogToken(path);
        }
        else
        {
            var existing = Path.Combine(options.DataPath, TokenFile);
            LogExistingToken(existing);
        }
    }

    // Uploads cut off by a crash stay in incoming/. Servers sharing the directory may be receiving one now,
    // so only what is a day old goes.
    private void RemoveAbandonedUploads()
    {
        var incoming = new DirectoryInfo(Path.Combine(options.PackagesPath, "incoming"));
        if (!incoming.Exists)
        {
            return;
        }

        var limit = time.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in incoming.EnumerateFiles("*.partial").Where(f => f.LastWriteTimeUtc < limit))
        {
            file.Delete();
        }
    }

    private static async Task WriteOwnerOnlyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, OwnerOnly.Stream(FileMode.Create, FileAccess.Write)))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(content.AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Database}; migrations applied now: {Migrations}")]
    private partial void LogDatabase(string database, string migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: the administrator token is in {Path} (readable only by its owner). Use it as 'Authorization: Bearer <token>' or STEWARD_TOKEN.")]
    private partial void LogToken(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator token: made at first start ({Path} on the machine that started first)")]
    private partial void LogExistingToken(string path);
}
