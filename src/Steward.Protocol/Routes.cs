namespace Steward.Protocol;

/// <summary>The paths of the HTTP API, shared by the server, the command line and the agent (see docs/PROTOCOL.md).</summary>
public static class Routes
{
    /// <summary>The prefix of every path of the versioned API.</summary>
    public const string Api = "/v1";

    /// <summary>Liveness: <c>ok</c> while the process runs.</summary>
    public const string Health = "/healthz";

    /// <summary>Readiness: the database answers and heartbeats are being written.</summary>
    public const string Ready = "/readyz";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string Metrics = "/metrics";

    /// <summary>Sites: <c>GET</c> lists, <c>POST</c> creates.</summary>
    public const string Sites = Api + "/sites";

    /// <summary>Logon points: <c>GET</c> lists, <c>POST</c> creates.</summary>
    public const string LogonPoints = Api + "/logon-points";

    /// <summary>Packages: <c>GET</c> lists, <c>POST ?version=V</c> publishes an archive sent as the body.</summary>
    public const string Packages = Api + "/packages";

    /// <summary>Clients: <c>GET</c> lists with filters.</summary>
    public const string Clients = Api + "/clients";

    /// <summary>The fleet summary: clients per site and version.</summary>
    public const string Fleet = Api + "/fleet";

    /// <summary>The hierarchy and every client as a scenario file of the simulator (YAML).</summary>
    public const string Scenario = Api + "/scenario";

    /// <summary>The trail of administrative changes.</summary>
    public const string Audit = Api + "/audit";

    /// <summary><c>POST</c>: one attempt of <c>steward push</c> at one host, recorded in the audit log.</summary>
    public const string PushAudit = Audit + "/push";

    /// <summary>The package-signing keys: <c>GET</c> lists them with how many clients pin each.</summary>
    public const string Keys = Api + "/keys";

    /// <summary><c>POST</c>: make a new signing key, the active one from now on.</summary>
    public const string KeyRotate = Keys + "/rotate";

    /// <summary><c>POST</c>: retire an older key that no client pins any more.</summary>
    public static string KeyRetire(long number) => $"{Keys}/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}/retire";

    /// <summary>Rollouts: <c>GET</c> lists, <c>POST</c> starts one.</summary>
    public const string Rollouts = Api + "/rollouts";

    /// <summary>One rollout.</summary>
    public static string Rollout(string id) => $"{Rollouts}/{Uri.EscapeDataString(id)}";

    /// <summary>A verb on a rollout: <c>promote</c>, <c>halt</c>, <c>resume</c> or <c>abort</c>.</summary>
    public static string RolloutVerb(string id, string verb) => $"{Rollout(id)}/{verb}";

    /// <summary>Administrator tokens: <c>GET</c> lists, <c>POST</c> makes one.</summary>
    public const string Tokens = Api + "/tokens";

    /// <summary>The logon point of the given name: logon bootstrap and manual install.</summary>
    public static string Logon(string logonPoint) => $"{Api}/logon/{Uri.EscapeDataString(logonPoint)}";

    /// <summary>The access point of a site: the address a cycle's answer gives agents, under which <see cref="CycleLeaf"/> and <see cref="ReportLeaf"/> are.</summary>
    public static string AccessPoint(string site) => $"{Api}/access/{Uri.EscapeDataString(site)}";

    /// <summary>What follows an access point's address for one maintenance cycle.</summary>
    public const string CycleLeaf = "/cycle";

    /// <summary>What follows an access point's address for the result of carrying out a decision.</summary>
    public const string ReportLeaf = "/report";

    /// <summary>The access point of a site: one maintenance cycle.</summary>
    public static string Cycle(string site) => AccessPoint(site) + CycleLeaf;

    /// <summary>The access point of a site: the result of carrying out a decision.</summary>
    public static string Report(string site) => AccessPoint(site) + ReportLeaf;

    /// <summary>An enrolled client's own record.</summary>
    public const string Self = Api + "/agent/self";

    /// <summary>Package content by SHA-256 (hex): <c>GET</c> with <c>Range</c> and <c>ETag</c>.</summary>
    public static string Content(string sha256) => $"{Api}/content/{sha256}";

    /// <summary>One site.</summary>
    public static string Site(string code) => $"{Sites}/{Uri.EscapeDataString(code)}";

    /// <summary>One site's version: <c>PUT</c> changes it alone.</summary>
    public static string SiteVersion(string code) => $"{Site(code)}/version";

    /// <summary>One published package: <c>GET</c> reads, <c>DELETE</c> removes it.</summary>
    public static string Package(string version) => $"{Packages}/{Uri.EscapeDataString(version)}";

    /// <summary>One logon point.</summary>
    public static string LogonPoint(string name) => $"{LogonPoints}/{Uri.EscapeDataString(name)}";

    /// <summary>One administrator token: <c>DELETE</c> revokes it.</summary>
    public static string Token(string name) => $"{Tokens}/{Uri.EscapeDataString(name)}";

    /// <summary>One client.</summary>
    public static string Client(string id) => $"{Clients}/{Uri.EscapeDataString(id)}";

    /// <summary>One client's travel mode: <c>PUT</c> turns it on or off.</summary>
    public static string ClientTravel(string id) => $"{Client(id)}/travel";
}
