using Steward.Cli.Io;

namespace Steward.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
internal sealed record InProcess(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>steward ARGS</c> in this process, as if piped (no colour).</summary>
    public static InProcess Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = StewardCli.Run(args, new Terminal(output, error, Interactive: false));
        return new InProcess(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>steward ARGS</c> with the given environment variables and working directory, as if piped.</summary>
    public static Task<InProcess> RunAsync(CliEnvironment environment, params string[] args) => RunAsync(environment, interactive: false, args);

    /// <summary>Runs <c>steward ARGS</c> with the given environment, as if standard output were a terminal or not.</summary>
    public static async Task<InProcess> RunAsync(CliEnvironment environment, bool interactive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StewardCli.RunAsync(args, new Terminal(output, error, interactive), environment, CancellationToken.None);
        return new InProcess(code, output.ToString(), error.ToString());
    }
}
