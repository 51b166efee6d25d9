using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Cli.Io;
using Steward.Protocol.Admin;

namespace Steward.Cli.Push;

/// <summary>
/// The last push's results, kept for <c>--retry-failed</c> in <c>push-last.json</c> next to the CLI's configuration
/// (<c>$XDG_CONFIG_HOME/steward</c>, default <c>~/.config/steward</c>), owner-only.
/// </summary>
/// <param name="At">When it ended.</param>
/// <param name="LogonPoint">The logon point it installed against.</param>
/// <param name="Hosts">Each host's result.</param>
internal sealed record PushRun(DateTimeOffset At, string LogonPoint, IReadOnlyList<PushAttempt> Hosts)
{
    /// <summary>The file's name.</summary>
    public const string FileName = "push-last.json";

    /// <summary>Where the file is for this user.</summary>
    public static string PathFor(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = environment.Variable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            var home = environment.Variable("HOME");
            config = Path.Combine(string.IsNullOrEmpty(home) ? environment.WorkingDirectory : home, ".config");
        }

        return Path.Combine(config, "steward", FileName);
    }

    /// <summary>The last run, or null when there is none.</summary>
    public static PushRun? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), PushJson.Default.PushRun);
        }
        catch (JsonException e)
        {
            throw new Admin.AdminFailure(ExitCodes.InvalidInput, $"steward: {path} is not a push result file: {e.Message}");
        }
    }

    /// <summary>Writes this run over the last one (a new file renamed over it).</summary>
    public void Write(string path)
    {
        OwnerOnly.Directory(Path.GetDirectoryName(path)!);
        var temporary = path + ".new";
        using (var file = new FileStream(temporary, OwnerOnly.Create(FileMode.Create)))
        {
            JsonSerializer.Serialize(file, this, PushJson.Default.PushRun);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The push's own documents: its state file and its <c>--json</c> output.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(PushRun))]
[JsonSerializable(typeof(IReadOnlyList<PushAttempt>))]
internal sealed partial class PushJson : JsonSerializerContext;
