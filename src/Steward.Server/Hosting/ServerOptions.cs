namespace Steward.Server.Hosting;

/// <summary>
/// Every setting of the server, in one place: section <c>Steward</c> of appsettings.json, environment
/// variables <c>STEWARD__NAME</c>, and command-line options (<see cref="ServerSwitches"/>, or
/// <c>--Steward:Name=value</c>), later ones winning. Bound once through <c>IOptions&lt;ServerOptions&gt;</c>
/// and checked by <see cref="ServerOptionsValidation"/> before the server starts (decision 0017).
/// </summary>
/// <remarks>
/// The settable properties are the settings as written, under their documented names (a number's unit is
/// in its name); the rest of the server reads the typed values beside them (<see cref="Engine"/>,
/// <see cref="HeartbeatFlush"/>, ...), which a valid setting always has.
/// </remarks>
internal sealed class ServerOptions
{
    public const string Section = "Steward";

    /// <summary>The data directory: the SQLite database, packages, the administrator token file.</summary>
    public string Data { get; set; } = "steward-data";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>The PostgreSQL connection string (for <c>postgres</c>).</summary>
    public string? Connection { get; set; }

    /// <summary>Where package archives are kept; default <c>&lt;Data&gt;/packages</c>. Several servers on one database share one directory.</summary>
    public string? Packages { get; set; }

    /// <summary>The address agents reach this server at (for access point and download addresses); default: the address of each request.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The largest package archive accepted.</summary>
    public long MaxPackageBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The largest JSON request body accepted.</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>How often batched heartbeats are written; a crash loses at most this much of last-seen times and repeat counts.</summary>
    public int HeartbeatFlushMilliseconds { get; set; } = 1000;

    /// <summary>The most heartbeats written in one transaction.</summary>
    public int HeartbeatBatch { get; set; } = 5000;

    /// <summary>
    /// On SQLite, how many clients' rows the server keeps in memory for maintenance cycles (about 1 KB each;
    /// write-through, see docs/decisions/0007). Beyond it, cycles read the database. 0 turns the cache off.
    /// </summary>
    public int ClientCacheSize { get; set; } = 250_000;

    /// <summary>
    /// How many days the decisions of computers that never enrolled (refused: not in any boundary) are kept
    /// after their last repeat; 0 keeps them for ever. An enrolled client's decisions are never deleted.
    /// </summary>
    public int UnenrolledDecisionDays { get; set; } = 30;

    /// <summary>How often the decisions past <see cref="UnenrolledDecisionDays"/> are deleted.</summary>
    public int UnenrolledCleanupMinutes { get; set; } = 60;

    /// <summary>
    /// How many refusals of computers that are not enrolled one source address may cause per
    /// <see cref="UnenrolledRefusalWindowSeconds"/>; beyond it a logon is answered 429 and nothing is written.
    /// 0 turns the limit off. Enrolled clients and enrollments are never limited.
    /// </summary>
    public int UnenrolledRefusalLimit { get; set; } = 30;

    /// <summary>The window of <see cref="UnenrolledRefusalLimit"/>.</summary>
    public int UnenrolledRefusalWindowSeconds { get; set; } = 300;

    /// <summary>
    /// How many hours an upgrade attempt may go without the agent's report; after that it counts as failed
    /// toward its rollout's halt rule (docs/RULES.md, rollouts: 48 hours by default).
    /// </summary>
    public int AttemptReportHours { get; set; } = 48;

    /// <summary>How often rollouts are checked for completion and a pilot's success, and unreported attempts for expiry.</summary>
    public int RolloutSweepSeconds { get; set; } = 30;

    /// <summary>A URL that is posted a signed JSON body when a rollout halts or completes; null: none.</summary>
    public string? RolloutWebhookUrl { get; set; }

    /// <summary>The key of the webhook body's HMAC-SHA256 signature (header <c>Steward-Signature</c>); required with <see cref="RolloutWebhookUrl"/>.</summary>
    public string? RolloutWebhookSecret { get; set; }

    /// <summary>The engine <see cref="Database"/> names; valid once the options are validated.</summary>
    public DatabaseKind Engine => DatabaseKinds.Parse(Database)
        ?? throw new InvalidOperationException($"Steward:Database '{Database}' was not validated.");

    /// <summary><see cref="HeartbeatFlushMilliseconds"/> as a time.</summary>
    public TimeSpan HeartbeatFlush => TimeSpan.FromMilliseconds(HeartbeatFlushMilliseconds);

    /// <summary>How long an unenrolled computer's decisions are kept; null keeps them for ever (<see cref="UnenrolledDecisionDays"/> 0 or less).</summary>
    public TimeSpan? UnenrolledDecisionAge => UnenrolledDecisionDays > 0 ? TimeSpan.FromDays(UnenrolledDecisionDays) : null;

    /// <summary><see cref="UnenrolledCleanupMinutes"/> as a time, at least a minute.</summary>
    public TimeSpan UnenrolledCleanupInterval => TimeSpan.FromMinutes(Math.Max(1, UnenrolledCleanupMinutes));

    /// <summary><see cref="UnenrolledRefusalWindowSeconds"/> as a time, at least a second.</summary>
    public TimeSpan UnenrolledRefusalWindow => TimeSpan.FromSeconds(Math.Max(1, UnenrolledRefusalWindowSeconds));

    /// <summary>
    /// After how many days without a sign of life a client counts as inactive: marked in the console, listed by
    /// <c>steward client list --inactive</c> and counted by the metric <c>steward.clients.inactive</c>; never deleted.
    /// </summary>
    public int InactiveDays { get; set; } = 7;

    /// <summary>How often the inactive clients are counted for the metric.</summary>
    public int InactiveCountMinutes { get; set; } = 5;

    /// <summary>The time before which a client last seen counts as inactive at <paramref name="now"/> (Unix ms).</summary>
    public long InactiveBefore(DateTimeOffset now) => now.AddDays(-Math.Max(1, InactiveDays)).ToUnixTimeMilliseconds();

    /// <summary>The packages directory, resolved.</summary>
    public string PackagesPath => Path.GetFullPath(Packages ?? Path.Combine(Data, "packages"));

    /// <summary>The data directory, resolved.</summary>
    public string DataPath => Path.GetFullPath(Data);
}
