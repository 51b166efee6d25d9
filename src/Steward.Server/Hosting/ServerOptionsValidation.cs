using Microsoft.Extensions.Options;

namespace Steward.Server.Hosting;

/// <summary>
/// Checks <see cref="ServerOptions"/> before the server starts (<c>ValidateOnStart</c>, and when the options
/// are first read): each failure is one line that names the setting as the operator wrote it and how to fix it.
/// </summary>
internal sealed class ServerOptionsValidation : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (DatabaseKinds.Parse(options.Database))
        {
            case null:
                failures.Add($"--database '{options.Database}' is not known; use sqlite or postgres.");
                break;
            case DatabaseKind.Postgres when string.IsNullOrEmpty(options.Connection):
                failures.Add("--database postgres needs --connection \"Host=...;Database=...;Username=...;Password=...\" (or STEWARD__CONNECTION).");
                break;
        }

        AtLeast(failures, nameof(ServerOptions.MaxPackageBytes), options.MaxPackageBytes, 1);
        AtLeast(failures, nameof(ServerOptions.MaxRequestBytes), options.MaxRequestBytes, 1);
        AtLeast(failures, nameof(ServerOptions.HeartbeatFlushMilliseconds), options.HeartbeatFlushMilliseconds, 1);
        AtLeast(failures, nameof(ServerOptions.HeartbeatBatch), options.HeartbeatBatch, 1);
        AtLeast(failures, nameof(ServerOptions.ClientCacheSize), options.ClientCacheSize, 0);
        AtLeast(failures, nameof(ServerOptions.UnenrolledRefusalLimit), options.UnenrolledRefusalLimit, 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string setting, long value, long least)
    {
        if (value < least)
        {
            failures.Add($"{ServerOptions.Section}:{setting} is {value}; it must be {least} or more.");
        }
    }
}
