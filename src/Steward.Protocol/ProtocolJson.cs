using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;
using Steward.Protocol.Packages;
using Steward.Protocol.Signing;

namespace Steward.Protocol;

/// <summary>
/// The wire format: camelCase JSON, source-generated so that the Native AOT agent needs no reflection.
/// Readers ignore properties they do not know (docs/RULES.md section 5).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(SiteRequest))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(IReadOnlyList<SiteView>))]
[JsonSerializable(typeof(SiteVersionRequest))]
[JsonSerializable(typeof(LogonPointRequest))]
[JsonSerializable(typeof(LogonPointView))]
[JsonSerializable(typeof(IReadOnlyList<LogonPointView>))]
[JsonSerializable(typeof(PackageView))]
[JsonSerializable(typeof(IReadOnlyList<PackageView>))]
[JsonSerializable(typeof(ClientView))]
[JsonSerializable(typeof(ClientPage))]
[JsonSerializable(typeof(ClientHistory))]
[JsonSerializable(typeof(TravelRequest))]
[JsonSerializable(typeof(FleetSummary))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
[JsonSerializable(typeof(PushAttempt))]
[JsonSerializable(typeof(KeyView))]
[JsonSerializable(typeof(IReadOnlyList<KeyView>))]
[JsonSerializable(typeof(RolloutStartRequest))]
[JsonSerializable(typeof(RolloutView))]
[JsonSerializable(typeof(IReadOnlyList<RolloutView>))]
[JsonSerializable(typeof(RolloutNotice))]
[JsonSerializable(typeof(RollbackRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenView))]
[JsonSerializable(typeof(IReadOnlyList<TokenView>))]
[JsonSerializable(typeof(TokenCreated))]
[JsonSerializable(typeof(LogonRequest))]
[JsonSerializable(typeof(LogonResponse))]
[JsonSerializable(typeof(CycleRequest))]
[JsonSerializable(typeof(CycleResponse))]
[JsonSerializable(typeof(UpgradeReport))]
[JsonSerializable(typeof(SelfView))]
[JsonSerializable(typeof(PackageManifest))]
[JsonSerializable(typeof(SignedManifest))]
[JsonSerializable(typeof(SignedOffer))]
[JsonSerializable(typeof(KeyEndorsement))]
[JsonSerializable(typeof(ProblemDocument))]
public sealed partial class ProtocolJson : JsonSerializerContext;
