using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Http;

/// <summary>
/// The OpenAPI document at /openapi/v1.json is exact: each operation names its id, its credentials and
/// every refusal it can answer, as a problem document; its server is never taken from the request; it
/// passes a real validator; and the refusals it lists are the ones the server gives.
/// </summary>
public sealed partial class OpenApiDocumentTests : ApiTest
{
    private const string Document = "/openapi/v1.json";
    private const long MaxPackageBytes = 4096;

    protected override Engine Engine => Engine.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Steward:MaxPackageBytes"] = $"{MaxPackageBytes}" };

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();

    private sealed record Operation(string Method, string Path, JsonObject Node)
    {
        public string Id => (string?)Node["operationId"] ?? "";

        public IEnumerable<string> Responses => Node["responses"]?.AsObject().Select(r => r.Key) ?? [];

        public IEnumerable<string> BodyTypes => Node["requestBody"]?["content"]?.AsObject().Select(c => c.Key) ?? [];

        /// <summary>Each alternative as its scheme names joined with '+'; null when the operation states none.</summary>
        public List<string>? Security => Node["security"]?.AsArray().Select(r => string.Join('+', r!.AsObject().Select(s => s.Key))).ToList();

        public bool Admin => Node["tags"]?.AsArray().Any(t => (string?)t == "admin") == true;

        public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Id})";
    }

    private async Task<(JsonNode Document, List<Operation> Operations)> ReadAsync(HttpClient? client = null)
    {
        var document = JsonNode.Parse(await (client ?? App.Anonymous).GetStringAsync(Document))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key != "parameters").Select(m => new Operation(m.Key, p.Key, m.Value!.AsObject())))
            .ToList();
        return (document, operations);
    }

    [Fact]
    public async Task EveryOperation_HasAStableCamelCaseOperationId()
    {
        var (_, operations) = await ReadAsync();

        Assert.Equal(41, operations.Count);
        Assert.All(operations, o => Assert.Matches(CamelCase(), o.Id));
        Assert.Equal(operations.Count, operations.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count());
        var ids = operations.ToDictionary(o => $"{o.Method} {o.Path}", o => o.Id, StringComparer.Ordinal);
        Assert.Equal("listSites", ids["get /v1/sites"]);
        Assert.Equal("exportScenario", ids["get /v1/scenario"]);
        Assert.Equal("rotateKey", ids["post /v1/keys/rotate"]);
        Assert.Equal("createSite", ids["post /v1/sites"]);
        Assert.Equal("logon", ids["post /v1/logon/{name}"]);
        Assert.Equal("maintenanceCycle", ids["post /v1/access/{site}/cycle"]);
        Assert.Equal("startRollout", ids["post /v1/rollouts"]);
        Assert.Equal("haltRollout", ids["post /v1/rollouts/{id}/halt"]);
    }

    [Fact]
    public async Task EveryOperation_StatesItsCredentials()
    {
        var (document, operations) = await ReadAsync();

        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["adminToken"]!["scheme"]);
        Assert.Equal("basic", (string?)document["components"]!["securitySchemes"]!["clientSecret"]!["scheme"]);
        Assert.All(operations, o => Assert.True(o.Security is not null, $"{o} states no security"));
        Assert.All(operations.Where(o => o.Admin), o => Assert.Equal(["adminToken"], o.Security!));
        var agents = operations.Where(o => !o.Admin).ToDictionary(o => o.Id, o => o.Security!, StringComparer.Ordinal);
        Assert.Equal(["clientSecret"], agents["maintenanceCycle"]);
        Assert.Equal(["clientSecret"], agents["reportUpgrade"]);
        Assert.Equal(["clientSecret"], agents["getSelf"]);
        Assert.Equal(["clientSecret", "adminToken"], agents["downloadPackage"]);

        // The enrollment secret is a field of the body, which no security scheme can name.
        Assert.Empty(agents["logon"]);
        Assert.Equal(5, agents.Count);
    }

    [Fact]
    public async Task Refusals_AreListed_AsProblemDocuments()
    {
        var (_, operations) = await ReadAsync();

        Assert.All(operations.Where(o => o.Security is { Count: > 0 } || o.Id == "logon"), o => Assert.Contains("401", o.Responses));
        Assert.All(operations.Where(o => o.BodyTypes.Any()), o => Assert.Contains("413", o.Responses));
        Assert.All(operations.Where(o => o.BodyTypes.Any()), o => Assert.Contains("400", o.Responses));
        Assert.All(operations.Where(o => o.BodyTypes.Any()), o => Assert.Contains("415", o.Responses));
        Assert.Contains("416", operations.Single(o => o.Id == "downloadPackage").Responses);
        Assert.Contains("429", operations.Single(o => o.Id == "logon").Responses);
        foreach (var operation in operations)
        {
            foreach (var (status, response) in operation.Node["responses"]!.AsObject().Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: 1 } && content.ContainsKey("application/problem+json"), $"{operation} {status}: {response.ToJsonString()}");
                var schema = (string?)content["application/problem+json"]!["schema"]!["$ref"];
                Assert.Equal(status == "400" ? "#/components/schemas/ValidationProblem" : "#/components/schemas/Problem", schema);
            }
        }
    }

    [Fact]
    public async Task RequestBodies_RequireExactlyWhatTheServerRefusesWithout()
    {
        var (document, _) = await ReadAsync();
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal(["boundaries", "version"], Required(schemas["SiteRequest"]!));
        Assert.Equal(["sites"], Required(schemas["LogonPointRequest"]!));
        Assert.Equal(["addresses", "computerName", "enrollmentSecret"], Required(schemas["LogonRequest"]!));
        Assert.Equal(["addresses"], Required(schemas["CycleRequest"]!));
        Assert.Equal(["version"], Required(schemas["UpgradeReport"]!));
        Assert.Equal(["name", "role"], Required(schemas["TokenRequest"]!));
        Assert.Equal(["site", "version"], Required(schemas["RolloutStartRequest"]!));
        Assert.Null(schemas["RollbackRequest"]!["required"]);
        Assert.Equal("string", (string?)schemas["SiteVersionRequest"]!["properties"]!["version"]!["type"]);
        Assert.Equal(["null", "string"], schemas["SiteRequest"]!["properties"]!["name"]!["type"]!.AsArray().Select(t => (string?)t));

        // The records' XML comments describe their fields.
        Assert.NotNull(schemas["SiteRequest"]!["properties"]!["version"]!["description"]);

        // A request field both required and nullable is the generator's guess, not the server's rule: a
        // request record the schema transformer does not know yet.
        var requests = RequestSchemaNames(document);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "SiteRequest", "LogonRequest", "CycleRequest", "UpgradeReport" }, requests);
        foreach (var name in requests)
        {
            var schema = schemas[name]!;
            foreach (var field in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
            {
                var type = schema["properties"]![field]!["type"];
                Assert.False(type is JsonArray types && types.Any(t => (string?)t == "null"), $"{name}.{field} is required and nullable");
            }
        }
    }

    // The schemas of request bodies, and of the objects inside them (a cycle's lastUpgrade).
    private static HashSet<string> RequestSchemaNames(JsonNode document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<JsonNode>(document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["requestBody"]?["content"]?["application/json"]?["schema"]))
            .OfType<JsonNode>());
        while (pending.TryDequeue(out var node))
        {
            foreach (var reference in node.ToJsonString().Split("\"$ref\":\"#/components/schemas/")[1..].Select(r => r[..r.IndexOf('"', StringComparison.Ordinal)]))
            {
                if (names.Add(reference))
                {
                    pending.Enqueue(document["components"]!["schemas"]![reference]!);
                }
            }
        }

        return names;
    }

    private static string[] Required(JsonNode schema) =>
        schema["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Server_IsNeverTakenFromTheHostHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Document);
        request.Headers.Host = "attacker.example:8443";

        using var response = await App.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.DoesNotContain("attacker.example", text, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(text)!["servers"]);
    }

    [Fact]
    public async Task Server_IsThePublicUrl_WithoutATrailingSlash()
    {
        await using var app = await StewardApp.StartAsync(Engine, new Dictionary<string, string?> { ["Steward:PublicUrl"] = "https://steward.example.org/it/" });

        var servers = JsonNode.Parse(await app.Anonymous.GetStringAsync(Document))!["servers"]!.AsArray();

        Assert.Equal("https://steward.example.org/it", (string?)Assert.Single(servers)!["url"]);
    }

    [RedoclyFact]
    public async Task RedoclyLint_FindsNothing()
    {
        var path = Path.Combine(App.Data, "openapi.json");
        await File.WriteAllTextAsync(path, await App.Anonymous.GetStringAsync(Document));

        var (exitCode, output) = await Redocly.LintAsync(path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" warning ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListedRefusals_AreTheServersAnswers()
    {
        // Checks the document against the server for the refusals every operation of a kind shares: no
        // credentials (401), a path naming nothing (404), a body of another media type (415), a body over
        // the limit (413).
        var (_, operations) = await ReadAsync();

        foreach (var operation in operations)
        {
            var path = Fill(operation.Path);
            if (operation.Security is { Count: > 0 })
            {
                // A body that every agent operation takes, since an access point checks the body before the credentials.
                var valid = """{"addresses": [], "version": "2.00.1493.2000"}""";
                await ExpectListedAsync(operation, "401", await App.Anonymous.SendAsync(Request(operation, path, operation.BodyTypes.FirstOrDefault() ?? "", valid)));
            }

            // Nothing exists yet, so whatever a path names is not found.
            if (operation.Path.Contains('{', StringComparison.Ordinal) && !operation.BodyTypes.Any())
            {
                await ExpectListedAsync(operation, "404", await Admin.SendAsync(Request(operation, path, "", "")));
            }

            // Authentication comes before the body: an operation only an enrolled client may call refuses
            // the administrator's request with 401 whatever its body (AgentRefusalTests send agents' bodies).
            if (operation.Security is ["clientSecret"])
            {
                continue;
            }

            if (operation.BodyTypes.Any())
            {
                await ExpectListedAsync(operation, "415", await Admin.SendAsync(Request(operation, path, "text/plain", "{}")));
            }

            if (operation.BodyTypes.Contains("application/json"))
            {
                await ExpectListedAsync(operation, "413", await Admin.SendAsync(Request(operation, path, "application/json", $"\"{new string('x', 70 * 1024)}\"")));
            }
            else if (operation.BodyTypes.Any())
            {
                var oversized = Request(operation, $"{path}?version=2.00.1493.2000", operation.BodyTypes.Single(), new string('x', (int)MaxPackageBytes * 2));
                await ExpectListedAsync(operation, "413", await Admin.SendAsync(oversized));
            }
        }
    }

    private static async Task ExpectListedAsync(Operation operation, string status, HttpResponseMessage response)
    {
        Assert.True(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) == status, $"{operation}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(status, operation.Responses);
        response.Dispose();
    }

    private static HttpRequestMessage Request(Operation operation, string path, string mediaType, string body) =>
        new(new HttpMethod(operation.Method.ToUpperInvariant()), path)
        {
            Content = operation.BodyTypes.Any() ? new StringContent(body, Encoding.UTF8, mediaType) : null,
        };

    private static string Fill(string path) => path
        .Replace("{code}", "A01", StringComparison.Ordinal)
        .Replace("{site}", "A01", StringComparison.Ordinal)
        .Replace("{name}", "DC1", StringComparison.Ordinal)
        .Replace("{version}", "2.00.1493.2000", StringComparison.Ordinal)
        .Replace("{id}", "0198a3c1-0000-7000-8000-000000000000", StringComparison.Ordinal)
        .Replace("{sha256}", new string('0', 64), StringComparison.Ordinal)
        .Replace("{number}", "9", StringComparison.Ordinal);
}
