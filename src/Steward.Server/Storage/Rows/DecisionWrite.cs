namespace Steward.Server.Storage.Rows;

/// <summary>
/// Everything one decision (or, with no decision, one report of the agent) changes, written in one transaction: the decision itself and, for an
/// enrolled computer, its client row (inserted when <see cref="IsNew"/>, otherwise updated only if the
/// row still has <see cref="ExpectedRevision"/>), the audit row of the administrator who made the change, if any,
/// and the upgrade attempt the decision's offer opens, if any (so that an offer's attempt exists exactly when its decision does).
/// </summary>
internal sealed record DecisionWrite(DecisionRow? Decision, ClientRow? Client, bool IsNew, long ExpectedRevision, AuditRow? Audit = null, AttemptOpening? Attempt = null);
