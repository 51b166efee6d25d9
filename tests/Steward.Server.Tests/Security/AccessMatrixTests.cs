using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Security;

/// <summary>
/// Who may do what, and nothing else: every operation of the server's OpenAPI document against every kind
/// of caller — no credentials, a viewer, an operator and an admin token, an expired and a revoked admin
/// token, and an enrolled client. The table of rules below must name every operation the document lists,
/// so an endpoint added without a rule fails here.
/// </summary>
public abstract class AccessMatrixTests : ApiTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The least a caller needs, per operation id.</summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["listSites"] = Rule.Viewer,
        ["getSite"] = Rule.Viewer,
        ["createSite"] = Rule.Admin,
        ["replaceSite"] = Rule.Operator,
        ["setSiteVersion"] = Rule.Operator,
        ["deleteSite"] = Rule.Admin,
        ["listLogonPoints"] = Rule.Viewer,
        ["getLogonPoint"] = Rule.Viewer,
        ["createLogonPoint"] = Rule.Admin,
        ["replaceLogonPoint"] = Rule.Admin,
        ["deleteLogonPoint"] = Rule.Admin,
        ["listPackages"] = Rule.Viewer,
        ["getPackage"] = Rule.Viewer,
        ["publishPackage"] = Rule.Admin,
        ["deletePackage"] = Rule.Admin,
        ["listClients"] = Rule.Viewer,
        ["getClientHistory"] = Rule.Viewer,
        ["setClientTravel"] = Rule.Operator,
        ["getFleet"] = Rule.Viewer,
        ["exportScenario"] = Rule.Viewer,
        ["listAuditEntries"] = Rule.Viewer,
        ["recordPushAttempt"] = Rule.Operator,
        ["listTokens"] = Rule.Viewer,
        ["createToken"] = Rule.Admin,
        ["revokeToken"] = Rule.Admin,
        ["listKeys"] = Rule.Viewer,
        ["rotateKey"] = Rule.Admin,
        ["retireKey"] = Rule.Admin,
        ["listRollouts"] = Rule.Viewer,
        ["getRollout"] = Rule.Viewer,
        ["startRollout"] = Rule.Operator,
        ["promoteRollout"] = Rule.Operator,
        ["haltRollout"] = Rule.Operator,
        ["resumeRollout"] = Rule.Operator,
        ["abortRollout"] = Rule.Operator,
        ["rollbackRollout"] = Rule.Operator,
        ["logon"] = Rule.Anyone,
        ["maintenanceCycle"] = Rule.Client,
        ["reportUpgrade"] = Rule.Client,
        ["getSelf"] = Rule.Client,
        ["downloadPackage"] = Rule.ClientOrViewer,
    };

    private enum Rule
    {
        Anyone,
        Client,
        ClientOrViewer,
        Viewer,
        Operator,
        Admin,
    }

    private enum Caller
    {
        Nobody,
        Viewer,
        Operator,
        Admin,
        ExpiredAdmin,
        RevokedAdmin,
        Client,
    }

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task EveryOperation_EveryCaller_ExactlyTheRuleAllows()
    {
        var callers = await CallersAsync();
        var operations = await OperationsAsync();

        Assert.Equal(Rules.Keys.Order(StringComparer.Ordinal), operations.Select(o => o.Id).Order(StringComparer.Ordinal));
        foreach (var operation in operations)
        {
            foreach (var (caller, authorization) in callers)
            {
                using var client = App.Client(authorization);
                using var response = await client.SendAsync(operation.Request());
                var expected = Expected(Rules[operation.Id], caller);
                var context = $"{operation} as {caller}";
                if (expected is { } refusal)
                {
                    Assert.True(response.StatusCode == refusal, $"{context}: expected {(int)refusal}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    await Expect.ProblemAsync(refusal, response);
                    if (refusal == HttpStatusCode.Unauthorized)
                    {
                        Assert.True(response.Headers.WwwAuthenticate.Count > 0, $"{context}: a 401 says how to authenticate");
                    }
                }
                else
                {
                    Assert.True(
                        response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError),
                        $"{context}: expected to be let through, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }

    [Fact]
    public async Task Refusals_SayWhy()
    {
        var callers = await CallersAsync();
        using var expired = App.Client(callers[Caller.ExpiredAdmin]);
        using var revoked = App.Client(callers[Caller.RevokedAdmin]);
        using var viewer = App.Client(callers[Caller.Viewer]);

        var expiredProblem = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await expired.GetAsync(Routes.Sites));
        var revokedProblem = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, await revoked.GetAsync(Routes.Sites));
        var forbidden = await Expect.ProblemAsync(HttpStatusCode.Forbidden, await viewer.DeleteAsync(Routes.Site("A01")));
        var none = await App.Anonymous.GetAsync(Routes.Sites);

        Assert.Equal("the administrator token 'old' expired at 2026-12-01T09:00:00Z", expiredProblem.Detail);
        Assert.Equal("the administrator token 'gone' was revoked at 2026-12-01T08:00:00Z", revokedProblem.Detail);
        Assert.Equal("this operation needs a token with the role admin or above; the token 'looker' has the role viewer", forbidden.Detail);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Contains("needs an administrator token", (await Expect.ProblemAsync(HttpStatusCode.Unauthorized, none)).Detail, StringComparison.Ordinal);
    }

    // Null: let through (whatever the request's own answer); otherwise the refusal.
    private static HttpStatusCode? Expected(Rule rule, Caller caller)
    {
        var role = caller switch
        {
            Caller.Viewer => Rule.Viewer,
            Caller.Operator => Rule.Operator,
            Caller.Admin => Rule.Admin,
            _ => (Rule?)null,
        };
        return rule switch
        {
            Rule.Anyone => null,
            Rule.Client => caller == Caller.Client ? null : HttpStatusCode.Unauthorized,
            Rule.ClientOrViewer => caller == Caller.Client || role is not null ? null : HttpStatusCode.Unauthorized,
            _ when role is null => HttpStatusCode.Unauthorized,
            _ => role >= rule ? null : HttpStatusCode.Forbidden,
        };
    }

    private async Task<Dictionary<Caller, AuthenticationHeaderValue?>> CallersAsync()
    {
        await Admin.PublishAsync("2.00.1493.2000");
        await Admin.AddSiteAsync("B01", "2.00.1493.2000", "10.2.0.0/16");
        var secret = await Admin.AddLogonPointAsync("DC2", ["B01"]);
        var enrolled = (await App.Anonymous.LogonAsync("DC2", secret, "PC-1", ["10.2.0.1"])).Enrollment!;
        var viewer = await Admin.CreateTokenAsync("looker", "viewer");
        var @operator = await Admin.CreateTokenAsync("ops", "operator");
        var expired = await Admin.CreateTokenAsync("old", "admin", "1h");
        var revoked = await Admin.CreateTokenAsync("gone", "admin");
        await Expect.StatusAsync(HttpStatusCode.OK, await Admin.DeleteAsync(Routes.Token("gone")));
        _time.Advance(TimeSpan.FromHours(2));
        return new()
        {
            [Caller.Nobody] = null,
            [Caller.Viewer] = viewer.Bearer(),
            [Caller.Operator] = @operator.Bearer(),
            [Caller.Admin] = Admin.DefaultRequestHeaders.Authorization,
            [Caller.ExpiredAdmin] = expired.Bearer(),
            [Caller.RevokedAdmin] = revoked.Bearer(),
            [Caller.Client] = AgentApi.Basic(enrolled),
        };
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = JsonNode.Parse(await App.Anonymous.GetStringAsync("/openapi/v1.json"))!;
        return [.. document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key != "parameters").Select(m => new Operation(m.Key, p.Key, m.Value!.AsObject())))];
    }

    private sealed record Operation(string Method, string Path, JsonObject Node)
    {
        public string Id => (string?)Node["operationId"] ?? "";

        // Paths name nothing that exists, and bodies are empty objects: a caller let through gets the
        // operation's own refusal (400, 404), never a change to what the other callers are tested against.
        public HttpRequestMessage Request()
        {
            var path = Path
                .Replace("{code}", "Z99", StringComparison.Ordinal)
                .Replace("{site}", "B01", StringComparison.Ordinal)
                .Replace("{name}", "nothing-here", StringComparison.Ordinal)
                .Replace("{version}", "9.00.0000.0000", StringComparison.Ordinal)
                .Replace("{id}", "0198a3c1-0000-7000-8000-000000000000", StringComparison.Ordinal)
                .Replace("{sha256}", new string('0', 64), StringComparison.Ordinal);
            var media = Node["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault();
            return new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), path)
            {
                Content = media is null ? null : new StringContent(media == "application/json" ? "{}" : "not a zip", Encoding.UTF8, media),
            };
        }

        public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Id})";
    }
}

public sealed class AccessMatrixOnSqlite : AccessMatrixTests
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class AccessMatrixOnPostgres : AccessMatrixTests
{
    protected override Engine Engine => Engine.Postgres;
}
