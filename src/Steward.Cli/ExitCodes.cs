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
}
