namespace Steward.Cli;

/// <summary>The exit codes of <c>steward</c>, the same for every verb.</summary>
public static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary><c>steward check</c> found something to warn about.</summary>
    public const int Warnings = 1;

    /// <summary>The command line or an input file is not valid; nothing ran.</summary>
    public const int InvalidInput = 2;

    /// <summary>The server refused the request (a 4xx answer other than 401 and 403): what and why is on standard error.</summary>
    public const int Refused = 3;

    /// <summary>The server could not be reached, or did not answer in time; nothing is known to have changed.</summary>
    public const int Unreachable = 4;

    /// <summary>No admin token was found, or the server did not accept it (401 or 403).</summary>
    public const int NotAuthorized = 5;

    /// <summary>The server failed (a 5xx answer) or answered with something that is not its JSON.</summary>
    public const int ServerFailed = 6;

    /// <summary>Stopped by Ctrl+C or a termination signal before the server answered (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
