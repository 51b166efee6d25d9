using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage;

/// <summary>
/// Everything the server keeps. Each write is one transaction, committed before the call returns, and
/// each administrative write carries its audit row into the same transaction. Two implementations share
/// the SQL: SQLite (embedded, the default) and PostgreSQL (several server processes on one database).
/// </summary>
internal interface IStewardStore : IHeartbeatWriter
{
    /// <summary>Throws unless the database answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SiteRow>> ListSitesAsync(CancellationToken cancellationToken);

    Task<SiteRow?> FindSiteAsync(string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<SiteRow>> FindSitesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>Refused unless a package of the site's version is published.</summary>
    Task<StoreResult> CreateSiteAsync(SiteRow site, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Replaces a site; refused unless a package of its version is published or the revision differs from <paramref name="expectedRevision"/> (when given).</summary>
    Task<StoreResult> UpdateSiteAsync(SiteRow site, long? expectedRevision, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Refused while a logon point or a client names the site.</summary>
    Task<StoreResult> DeleteSiteAsync(string code, AuditRow audit, CancellationToken cancellationToken);

    Task<IReadOnlyList<LogonPointRow>> ListLogonPointsAsync(CancellationToken cancellationToken);

    Task<LogonPointRow?> FindLogonPointAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates (<paramref name="create"/>) or replaces a logon point; refused when a site it names does not exist.</summary>
    Task<StoreResult> SaveLogonPointAsync(LogonPointRow logonPoint, bool create, AuditRow audit, CancellationToken cancellationToken);

    Task<StoreResult> DeleteLogonPointAsync(string name, AuditRow audit, CancellationToken cancellationToken);

    Task<IReadOnlyList<PackageRow>> ListPackagesAsync(CancellationToken cancellationToken);

    Task<PackageRow?> FindPackageAsync(string version, CancellationToken cancellationToken);

    Task<PackageRow?> FindPackageByHashAsync(string sha256, CancellationToken cancellationToken);

    Task<StoreResult> CreatePackageAsync(PackageRow package, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Refused while a site serves the version.</summary>
    Task<StoreResult> DeletePackageAsync(string version, AuditRow audit, CancellationToken cancellationToken);

    Task<ClientRow?> FindClientAsync(string id, CancellationToken cancellationToken);

    /// <summary>The client, whether <paramref name="site"/> exists, and the client's assigned sites, read together.</summary>
    Task<CycleFacts> ReadCycleFactsAsync(string clientId, string site, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClientRow>> ListClientsAsync(ClientFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DecisionRow>> ListDecisionsAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Writes a decision and what it changed; <see cref="StoreStatus.RevisionMismatch"/> when the client changed meanwhile.</summary>
    Task<(StoreResult Result, long DecisionId)> SaveDecisionAsync(DecisionWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Records a decision of a computer that is not enrolled (<see cref="DecisionRow.Client"/> null): when the
    /// computer's last one had the same <paramref name="key"/>, it is counted on that decision instead (true).
    /// </summary>
    Task<bool> RecordUnenrolledAsync(DecisionRow decision, string key, CancellationToken cancellationToken);

    /// <summary>Deletes decisions of computers that are not enrolled last made before <paramref name="before"/> (Unix ms), in transactions of <paramref name="batch"/>; returns how many.</summary>
    Task<long> DeleteUnenrolledDecisionsAsync(long before, int batch, CancellationToken cancellationToken);

    /// <summary>How many clients were last seen before <paramref name="before"/> (Unix ms): the inactive ones.</summary>
    Task<long> CountSeenBeforeAsync(long before, CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetRow>> FleetAsync(CancellationToken cancellationToken);

    /// <summary>The hierarchy and every client in one read transaction, held until the snapshot is disposed.</summary>
    Task<IFleetSnapshot> OpenFleetSnapshotAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditRow>> ListAuditAsync(int limit, CancellationToken cancellationToken);

    /// <summary>An audit row on its own, for an event that changes nothing the server holds (an attempt of <c>steward push</c>).</summary>
    Task AddAuditAsync(AuditRow audit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a client's health as its agent's daily self-check last found it: <c>healthy</c>, or the checks that
    /// failed (migration 0012). Outside the client's revision: no decision reads it.
    /// </summary>
    Task SetClientHealthAsync(string clientId, string health, CancellationToken cancellationToken);

    /// <summary>The clients by health (<c>healthy</c>, <c>unhealthy</c>, <c>unknown</c>), for the metric <c>steward.clients.health</c>.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByHealthAsync(CancellationToken cancellationToken);

    /// <summary>The administrator token with this hash (active or not), or null.</summary>
    Task<TokenRow?> FindTokenAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Every administrator token, revoked ones too, by name.</summary>
    Task<IReadOnlyList<TokenRow>> ListTokensAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new token; <see cref="StoreStatus.AlreadyExists"/> when a token (even a revoked one) has its name.</summary>
    Task<StoreResult> CreateTokenAsync(TokenRow token, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Revokes the token; refused when it is revoked already or is the last active admin token at <paramref name="now"/>.</summary>
    Task<StoreResult> RevokeTokenAsync(string name, long now, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Records when the token was last used.</summary>
    Task TouchTokenAsync(string hash, long now, CancellationToken cancellationToken);

    /// <summary>Stores the token unless one exists already; true when it was stored.</summary>
    Task<bool> AddFirstAdminTokenAsync(string hash, string name, long now, CancellationToken cancellationToken);

    /// <summary>Stores the candidate key unless one exists already, and returns the key now stored.</summary>
    Task<SigningKeyRow> EnsureSigningKeyAsync(SigningKeyRow candidate, CancellationToken cancellationToken);

    /// <summary>Every signing key, retired ones too, by number.</summary>
    Task<IReadOnlyList<SigningKeyRow>> ListSigningKeysAsync(CancellationToken cancellationToken);

    /// <summary>How many clients pin each key, by key number (keys no client pins are absent).</summary>
    Task<IReadOnlyDictionary<long, long>> CountPinnedKeysAsync(CancellationToken cancellationToken);

    /// <summary>True when at least one client pins key <paramref name="number"/>.</summary>
    Task<bool> AnyClientPinsAsync(long number, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="key"/> as the active key (its number must be the next one: Conflict otherwise); the active key until now becomes endorsed.</summary>
    Task<StoreResult> AddSigningKeyAsync(SigningKeyRow key, AuditRow audit, CancellationToken cancellationToken);

    /// <summary>Retires an endorsed key no client pins, erasing its private key; NotFound, or Conflict while it is active, retired or pinned.</summary>
    Task<StoreResult> RetireSigningKeyAsync(long number, AuditRow audit, CancellationToken cancellationToken);
}
