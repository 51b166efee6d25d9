namespace Steward.Cli.Io;

/// <summary>
/// What a command reads from its process besides its arguments: environment variables and the working
/// directory. Passed in, like <see cref="Terminal"/>, so that tests run verbs side by side in one
/// process, each with its own variables and directory.
/// </summary>
/// <param name="Variable">Looks up an environment variable; null when it is not set.</param>
/// <param name="WorkingDirectory">The directory relative paths are taken from.</param>
/// <param name="PackagedTokenFile">
/// Where the Debian package's server shares its administrator token with the <c>steward</c> group; the last place
/// the token is looked for.
/// </param>
public sealed record CliEnvironment(Func<string, string?> Variable, string WorkingDirectory, string PackagedTokenFile = CliEnvironment.DebianTokenFile)
{
    /// <summary>The token file of a server installed from the Debian package (root:steward, 0640).</summary>
    public const string DebianTokenFile = "/etc/steward/admin-token";

    /// <summary>This process's environment variables and current directory.</summary>
    public static CliEnvironment Process => new(Environment.GetEnvironmentVariable, Environment.CurrentDirectory);

    /// <summary>The full path of <paramref name="path"/>, relative paths taken from <see cref="WorkingDirectory"/>.</summary>
    public string PathOf(string path) => Path.GetFullPath(path, WorkingDirectory);
}
