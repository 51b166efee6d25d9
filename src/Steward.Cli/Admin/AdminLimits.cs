namespace Steward.Cli.Admin;

/// <summary>Every limit and timeout of the admin verbs, in one place.</summary>
internal static class AdminLimits
{
    /// <summary>How long to wait for a TCP connection: a server that does not accept by then is taken as unreachable.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a request may take from sending to the last byte of its answer; uploads have no limit beyond the connect timeout, since their time grows with their size.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The most bytes of an error answer read: enough for any problem document, not a whole error page.</summary>
    public const int MaxErrorBytes = 1 << 20;

    /// <summary>Files at least this large are published with a progress bar (when standard output is a terminal).</summary>
    public const long ProgressBarBytes = 1 << 20;

    /// <summary>How many clients <c>steward client list</c> prints unless <c>--limit</c> says otherwise.</summary>
    public const int DefaultClientLimit = 100;

    /// <summary>How many changes <c>steward audit</c> shows unless <c>--limit</c> says otherwise.</summary>
    public const int DefaultAuditLimit = 50;

    /// <summary>The most clients asked for in one request; longer lists are read page by page.</summary>
    public const int ClientPageSize = 500;
}
