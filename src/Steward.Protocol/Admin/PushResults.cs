namespace Steward.Protocol.Admin;

/// <summary>The words <c>steward push</c> reports for a host, in its output, its state file and the audit log.</summary>
public static class PushResults
{
    /// <summary>The package was installed and the agent enrolled at the logon point.</summary>
    public const string Installed = "installed";

    /// <summary>An enrolled agent was already there: nothing was copied.</summary>
    public const string AlreadyManaged = "already managed";

    /// <summary>The logon point's boundaries do not contain the host (R1): the agent quit and the host is not enrolled.</summary>
    public const string NotInBoundaries = "not in boundaries";

    /// <summary>No SSH connection: the name did not resolve, nothing listened, or its host key was unknown or wrong.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The host refused the user's key (or password-less sudo).</summary>
    public const string AuthenticationRefused = "authentication refused";

    /// <summary>No agent package is built for the host's machine architecture (<c>uname -m</c>).</summary>
    public const string UnsupportedArchitecture = "unsupported architecture";

    /// <summary>Anything else went wrong on the host (the package did not install, the agent failed): the detail says what.</summary>
    public const string Failed = "failed";

    /// <summary>Every word, in the order they are reported.</summary>
    public static IReadOnlyList<string> All { get; } = [Installed, AlreadyManaged, NotInBoundaries, Unreachable, AuthenticationRefused, UnsupportedArchitecture, Failed];

    /// <summary>True for the results <c>--retry-failed</c> tries again: those where nothing was installed for a reason that may pass.</summary>
    public static bool IsFailure(string result) => result is Unreachable or AuthenticationRefused or Failed;
}
