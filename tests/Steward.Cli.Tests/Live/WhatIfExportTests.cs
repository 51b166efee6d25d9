using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Protocol;
using Steward.Protocol.Admin;
using Steward.Protocol.Agent;

namespace Steward.Cli.Tests.Live;

/// <summary>
/// What-if on the live fleet, through a real <c>steward server</c> process: the fleet exported by
/// <c>steward scenario export</c>, simulated with <c>logonAll</c> and <c>maintenanceAll</c>, gives every
/// client the outcome, version and sites the server itself gives it at that logon and that cycle.
/// </summary>
public sealed class WhatIfExportTests : IAsyncLifetime, IDisposable
{
    private const string Sp1 = "2.00.1380.1000";
    private const string Sp2 = "2.00.1493.2000";
    private const string Hotfix = "2.00.1493.2001";

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _work = new();
    private ServerCommandProcess? _server;

    private ServerCommandProcess Server => _server!;

    public async Task InitializeAsync() => _server = await ServerCommandProcess.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // xunit disposes after DisposeAsync: the server has stopped before its data goes.
    public void Dispose()
    {
        _work.Dispose();
        _data.Dispose();
    }

    private sealed record Computer(string Name, string Address, string LogonPoint, Enrollment Enrollment, string Installed);

    [Fact]
    public async Task SimulatedExport_GivesEveryClientWhatTheServerGivesIt()
    {
        var environment = _work.Environment(("STEWARD_URL", Server.Url), ("STEWARD_TOKEN", File.ReadAllText(Path.Combine(_data.Path, "admin-token")).Trim()));
        foreach (var version in (string[])[Sp1, Sp2, Hotfix])
        {
            await Hierarchy.PublishAsync(_work, environment, version);
        }

        await Hierarchy.AddSiteAsync(environment, "A01", Sp1, "10.1.0.0/16");
        await Hierarchy.AddSiteAsync(environment, "B01", Sp2, "10.1.0.0/16,10.2.0.0/16");
        var secrets = new Dictionary<string, string>
        {
            ["DC1"] = await Hierarchy.AddLogonPointAsync(environment, "DC1", "A01,B01"),
            ["DCA"] = await Hierarchy.AddLogonPointAsync(environment, "DCA", "A01"),
        };

        // SP2 clients through DC1 (two share a name, as a re-imaged computer does), SP1 clients through DCA,
        // one of them travelling; then B01 moves to a hotfix, so that the logon and the cycle have work to do.
        var computers = new List<Computer>();
        foreach (var (name, address, point) in (ValueTuple<string, string, string>[])
            [("PC-1", "10.1.0.5", "DC1"), ("PC-2", "10.2.0.7", "DC1"), ("pc-1", "10.1.0.9", "DC1"), ("PC-A", "10.1.0.20", "DCA"), ("PC-T", "10.1.0.21", "DCA")])
        {
            var enrolled = await LogonAsync(point, secrets[point], name, address, null, null);
            computers.Add(new Computer(name, address, point, enrolled.Enrollment!, enrolled.VersionAfter!));
        }

        using var admin = Server.Client(admin: true);
        var travelling = computers.Single(c => c.Name == "PC-T").Enrollment.ClientId;
        Assert.True((await admin.PutAsJsonAsync(Routes.ClientTravel(travelling), new TravelRequest(true), ProtocolJson.Default.TravelRequest)).IsSuccessStatusCode);
        Assert.True((await admin.PutAsJsonAsync(Routes.Site("B01") + "/version", new SiteVersionRequest(Hotfix), ProtocolJson.Default.SiteVersionRequest)).IsSuccessStatusCode);

        var exported = Path.Combine(_work.Path, "fleet.yaml");
        var export = await InProcess.RunAsync(environment, "scenario", "export", "--output", exported);
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        var yaml = await File.ReadAllTextAsync(exported);
        Assert.Contains("travel: true", yaml, StringComparison.Ordinal);
        await File.AppendAllTextAsync(exported, "steps:\n  - logonAll: DC1\n  - maintenanceAll: true\n");
        var simulated = InProcess.Run("simulate", exported, "--output", "json");
        Assert.True(simulated.ExitCode == ExitCodes.Ok, simulated.Error + yaml);
        var document = JsonNode.Parse(simulated.Out)!;

        // The server, asked the same: each client logs on at DC1, then runs one maintenance cycle with
        // what the logon left it, at the access point of one of its sites.
        var names = ExportedNames(document, computers);
        var logons = new Dictionary<string, int>(StringComparer.Ordinal);
        var cycles = new Dictionary<string, int>(StringComparer.Ordinal);
        var finals = new Dictionary<string, (string? Version, string Sites)>(StringComparer.Ordinal);
        foreach (var computer in computers)
        {
            var logon = await LogonAsync("DC1", secrets["DC1"], computer.Name, computer.Address, computer.Enrollment, computer.Installed);
            Count(logons, logon.Outcome);
            var cycle = await CycleAsync(computer, logon.VersionAfter!, logon.Sites);
            Count(cycles, cycle.Outcome);
            finals[names[computer.Enrollment.ClientId]] = (cycle.VersionAfter, string.Join(",", cycle.Sites));
        }

        var results = document["results"]!.AsArray();
        Assert.Equal(logons, Counts(results[0]!));
        Assert.Equal(cycles, Counts(results[1]!));
        var simulatedFinals = document["clients"]!.AsArray().ToDictionary(
            c => (string)c!["name"]!,
            c => ((string?)c!["installed"], string.Join(",", c["sites"]!.AsArray().Select(s => (string)s!))),
            StringComparer.Ordinal);
        Assert.Equal(finals.OrderBy(f => f.Key, StringComparer.Ordinal), simulatedFinals.OrderBy(f => f.Key, StringComparer.Ordinal));

        // The outcomes are not all alike: the comparison above covers a hotfix at logon, a deferral, and an upgrade in the cycle.
        Assert.Equal(3, logons["HotfixApplied"]);
        Assert.Equal(2, logons["DeferredToMaintenance"]);
        Assert.Equal(2, cycles["Upgraded"]);
    }

    // The exported name of each computer, by client id: its own name, or for the second of two that share
    // one, the name with '~' and the id.
    private static Dictionary<string, string> ExportedNames(JsonNode document, List<Computer> computers)
    {
        var names = document["clients"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.Equal(computers.Count, names.Count);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var computer in computers)
        {
            byId[computer.Enrollment.ClientId] = names.Contains($"{computer.Name}~{computer.Enrollment.ClientId}") ? $"{computer.Name}~{computer.Enrollment.ClientId}" : computer.Name;
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), byId.Values.Order(StringComparer.Ordinal));
        Assert.Single(names, n => n.Contains('~', StringComparison.Ordinal));
        return byId;
    }

    private static Dictionary<string, int> Counts(JsonNode result) =>
        result["outcomes"]!.AsObject().ToDictionary(o => o.Key, o => (int)o.Value!, StringComparer.Ordinal);

    private static void Count(Dictionary<string, int> counts, string outcome) => counts[outcome] = counts.GetValueOrDefault(outcome) + 1;

    private async Task<LogonResponse> LogonAsync(string point, string secret, string name, string address, Enrollment? enrollment, string? installed)
    {
        using var http = Server.Client();
        using var response = await http.PostAsJsonAsync(
            Routes.Logon(point), new LogonRequest(secret, "logon", name, [address], enrollment?.ClientId, enrollment?.ClientSecret, installed), ProtocolJson.Default.LogonRequest);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse))!;
    }

    private async Task<CycleResponse> CycleAsync(Computer computer, string installed, IReadOnlyList<string> sites)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{computer.Enrollment.ClientId}:{computer.Enrollment.ClientSecret}"));
        using var http = Server.Client(authorization: new AuthenticationHeaderValue("Basic", basic));
        using var response = await http.PostAsJsonAsync(
            Routes.Cycle(sites[0]), new CycleRequest([computer.Address], installed, sites, null), ProtocolJson.Default.CycleRequest);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(ProtocolJson.Default.CycleResponse))!;
    }
}
