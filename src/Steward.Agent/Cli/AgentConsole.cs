using System.Globalization;

namespace Steward.Agent.Cli;

/// <summary>
/// Where the agent writes: results to <see cref="Out"/>; progress, update steps and problems to
/// <see cref="Error"/>, one line at a time and flushed, so operators (and the crash tests) see each step
/// as it begins.
/// </summary>
/// <param name="Out">Results (words or JSON).</param>
/// <param name="Error">Progress and problems.</param>
internal sealed record AgentConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>A progress line.</summary>
    public void Progress(string message)
    {
        Error.WriteLine($"{AgentBuild.ProgramName}: {message}");
        Error.Flush();
    }

    /// <summary>The line that starts one step of a self-update: <c>update: STEP VERSION: words</c>.</summary>
    public void Step(string step, string version, string words)
    {
        Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{AgentBuild.ProgramName}: update: {step} {version}: {words}"));
        Error.Flush();
    }

    /// <summary>A problem line (the same stream and form as progress).</summary>
    public void Problem(string message) => Progress(message);
}
