namespace Steward.Cli.Admin;

/// <summary>
/// Why an admin verb stopped, for people: the lines to print on standard error and the exit code.
/// </summary>
/// <remarks>
/// An exception rather than a returned value because the failures start deep in an HTTP exchange
/// (unreachable, refused, not authorized) and every verb handles them the same way, in
/// <see cref="AdminRun"/>: print the lines, return the code.
/// </remarks>
internal sealed class AdminFailure : Exception
{
    /// <summary>A failure with its exit code and the lines to print (the first starts with <c>steward: </c>).</summary>
    public AdminFailure(int exitCode, params string[] lines)
        : base(lines.Length > 0 ? lines[0] : "steward: failed")
    {
        ExitCode = exitCode;
        Lines = lines;
    }

    /// <summary>A failure without details.</summary>
    public AdminFailure()
        : this(ExitCodes.InvalidInput, "steward: failed")
    {
    }

    /// <summary>A failure with one line.</summary>
    public AdminFailure(string message)
        : this(ExitCodes.InvalidInput, message)
    {
    }

    /// <summary>A failure with one line and its cause.</summary>
    public AdminFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InvalidInput;
        Lines = [message];
    }

    /// <summary>The exit code of the verb (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>What to print on standard error, one line each.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The command line or a local file is wrong; nothing was sent.</summary>
    public static AdminFailure InvalidInput(string message) => new(ExitCodes.InvalidInput, $"steward: {message}");
}
