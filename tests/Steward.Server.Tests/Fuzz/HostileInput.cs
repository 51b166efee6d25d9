using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Steward.Server.Tests.Fuzz;

/// <summary>
/// CsCheck generators of hostile requests for the operations of the OpenAPI document: path values and query
/// values of every kind, JSON bodies that are broken or well-formed with one wrong field, broken framings,
/// and every kind of credential. The package upload gets only a well-formed archive, with broken framings
/// and headers: the archive's contents are not fuzzed here.
/// </summary>
public static class HostileInput
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    // Raw text for a path segment or a query value, escaped or not as the generator chooses.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Const(""),
        Gen.OneOf(Gen.Const(".."), Gen.Const("."), Gen.Const("\u202Eevil"), Gen.Const("é"), Gen.Const("😀"), Gen.Const("a b"), Gen.Const("<script>"), Gen.Const("'; DROP TABLE sites; --")),
        Gen.OneOf(Gen.Const("abc"), Gen.Const("-1"), Gen.Const("0"), Gen.Const("99999999999999999999"), Gen.Const("1e3"), Gen.Const("1.5"), Gen.Const("true"), Gen.Const("null")),
        Gen.Int[1, 6000].Select(n => new string('A', n)),
        Gen.String[Gen.Char.AlphaNumeric, 0, 40],
        Gen.String[Gen.Char, 0, 20]);

    // Already percent-encoded forms that ask the server to decode something dangerous.
    private static readonly Gen<string> Encoded = Gen.OneOf(
        Gen.Const("%00"), Gen.Const("a%00b"), Gen.Const("%2e%2e"), Gen.Const("..%2F..%2Fadmin-token"), Gen.Const("%2F"), Gen.Const("%C0%AE%C0%AE"),
        Gen.Const("%FF%FE"), Gen.Const("%E2%80%AE"), Gen.Const("%"), Gen.Const("%zz"), Gen.Const("%0D%0AX-Injected:%201"));

    private static Gen<string> Segment(FuzzServer server) => Gen.Frequency(
        (3, Gen.OneOf(Gen.Const(FuzzServer.Site), Gen.Const(FuzzServer.LogonPoint), Gen.Const(FuzzServer.Version), Gen.Const(server.ClientId), Gen.Const(server.PackageSha256))),
        (4, Text.Select(Uri.EscapeDataString)),
        (2, Encoded),
        (1, Gen.OneOf(Gen.Const("../.."), Gen.Const("a/b"), Gen.Const(".."))));

    private static Gen<string> QueryValue(FuzzServer server) => Gen.Frequency(
        (2, Gen.OneOf(Gen.Const("10"), Gen.Const(FuzzServer.Site), Gen.Const(FuzzServer.Version), Gen.Const("2026-12-01T08:00:00Z"), Gen.Const(server.ClientId))),
        (4, Text.Select(Uri.EscapeDataString)),
        (1, Encoded.Where(e => !e.Contains("%00", StringComparison.Ordinal))));

    private static Gen<string> Query(ApiOperation operation, FuzzServer server)
    {
        var parameters = operation.QueryParameters.Concat(["unknown"]).ToArray();
        var one = Gen.OneOf(parameters.Select(p => Gen.Frequency(
            (3, Gen.Const("")),
            (4, QueryValue(server).Select(v => $"{p}={v}")),
            (1, Gen.Select(QueryValue(server), QueryValue(server), (a, b) => $"{p}={a}&{p}={b}")),
            (1, Gen.Const(p)))).ToArray());
        return one.Array[0, 4].Select(parts => parts.Any(p => p.Length > 0) ? "?" + string.Join('&', parts.Where(p => p.Length > 0)) : "");
    }

    private static Gen<string> Path(ApiOperation operation, FuzzServer server)
    {
        var segment = Segment(server);
        return segment.Array[operation.PathParameters.Count].Select(values =>
        {
            var path = operation.Template;
            for (var i = 0; i < values.Length; i++)
            {
                path = path.Replace($"{{{operation.PathParameters[i]}}}", values[i], StringComparison.Ordinal);
            }

            return path;
        });
    }

    // A value to put where a field's value was.
    private static readonly Gen<JsonNode?> WrongValue = Gen.OneOf(
        Gen.Const<JsonNode?>((JsonNode?)null),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(1e308))),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Text.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Int[1000, 70_000].Select(n => (JsonNode?)JsonValue.Create(new string('x', n))),
        Gen.Const<JsonNode?>(() => new JsonArray()),
        Gen.Const<JsonNode?>(() => new JsonArray(null, 1, "x")),
        Text.Array[0, 5].Select(a => (JsonNode?)new JsonArray([.. a.Select(s => (JsonNode?)JsonValue.Create(s))])),
        Gen.Const<JsonNode?>(() => new JsonObject { ["a"] = 1 }));

    private static Gen<byte[]> JsonBody(ApiOperation operation, FuzzServer server)
    {
        var example = Examples.For(operation, server);
        var text = example.ToJsonString();
        var names = example is JsonObject o ? o.Select(p => p.Key).ToArray() : [];
        // Names as the API spells them, in other cases (the protocol reads any case), and unknown ones.
        var field = names.Length == 0
            ? Gen.Const("extra")
            : Gen.OneOf(Gen.OneOf(names), Gen.OneOf(names).Select(n => n.ToUpperInvariant()), Gen.Const("extra"), Gen.Const("$type"));
        return Gen.Frequency(
            (2, Gen.Const(Encoding.UTF8.GetBytes(text))),
            (6, Gen.Select(field, WrongValue, (name, value) =>
            {
                var copy = example.DeepClone();
                if (copy is JsonObject obj)
                {
                    obj[name] = value;
                }

                return Encoding.UTF8.GetBytes(copy.ToJsonString());
            })),
            (1, Gen.OneOf(names.Length == 0 ? [Gen.Const("")] : names.Select(Gen.Const).ToArray()).Select(name =>
            {
                var copy = example.DeepClone();
                (copy as JsonObject)?.Remove(name);
                return Encoding.UTF8.GetBytes(copy.ToJsonString());
            })),
            (2, Gen.Int[0, Math.Max(0, text.Length - 1)].Select(n => Encoding.UTF8.GetBytes(text[..n]))),
            (2, Gen.Int[2, 5000].Select(n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n)))),
            (1, Gen.Int[2, 3000].Select(n => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)))),
            (2, Gen.OneOf(Gen.Const("null"), Gen.Const("[]"), Gen.Const("1"), Gen.Const("\"x\""), Gen.Const(""), Gen.Const("{}"), Gen.Const(" "), Gen.Const("{\"a\":1,\"a\":2}")).Select(Encoding.UTF8.GetBytes)),
            (2, Gen.Byte.Array[0, 300]),
            (1, Gen.String.Select(Encoding.UTF8.GetBytes)),
            (1, Gen.Const(Encoding.UTF8.GetBytes(text.Replace("A01", "\uFFFD", StringComparison.Ordinal)).Select(b => b == 0xEF ? (byte)0xFF : b).ToArray())));
    }

    private static readonly Gen<string?> JsonContentTypes = Gen.Frequency(
        (8, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf(
            Gen.Const<string?>((string?)null), Gen.Const<string?>("text/plain"), Gen.Const<string?>("application/json; charset=utf-16"),
            Gen.Const<string?>("application/zip"), Gen.Const<string?>("multipart/form-data; boundary=x"), Gen.Const<string?>("application/x-www-form-urlencoded"),
            Gen.Const<string?>("application/problem+json"), Gen.Const<string?>("x/"), Gen.Const<string?>(";;;"))));

    private static readonly Gen<string?> ArchiveContentTypes = Gen.OneOf(
        Gen.Const<string?>("application/zip"), Gen.Const<string?>((string?)null), Gen.Const<string?>("application/json"), Gen.Const<string?>("text/plain"), Gen.Const<string?>("application/zip; x=\""));

    private static readonly Gen<Framing> BodyFramings = Gen.Frequency(
        (6, Gen.Const(Framing.ContentLength)), (2, Gen.Const(Framing.Chunked)), (1, Gen.Const(Framing.BadChunkSize)),
        (1, Gen.Const(Framing.ContentLengthShort)), (1, Gen.Const(Framing.ContentLengthLongThenEnd)));

    // A truncated archive would test the archive's checks, not the framing: the upload never gets one.
    private static readonly Gen<Framing> ArchiveFramings = Gen.OneOf(
        Gen.Const(Framing.ContentLength), Gen.Const(Framing.Chunked), Gen.Const(Framing.BadChunkSize), Gen.Const(Framing.ContentLengthLongThenEnd), Gen.Const(Framing.None));

    // Mostly the credentials the operation takes, so that most requests get past authentication to the checks behind it.
    private static Gen<Credential> Credentials(ApiOperation operation) => Gen.Frequency(
        (IsAgents(operation) ? 1 : 6, Gen.Const(Credential.Admin)), (IsAgents(operation) ? 6 : 1, Gen.Const(Credential.Client)), (1, Gen.Const(Credential.None)),
        (1, Gen.Const(Credential.UnknownBearer)), (1, Gen.Const(Credential.MalformedBasic)));

    /// <summary>The operations agents call (their own credentials, or none at a logon point).</summary>
    public static bool IsAgents(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return AgentPaths.Any(p => operation.Template.StartsWith(p, StringComparison.Ordinal));
    }

    private static readonly string[] AgentPaths = ["/v1/access/", "/v1/agent/", "/v1/content/", "/v1/logon/"];

    /// <summary>A hostile request to one operation of the document.</summary>
    public static Gen<FuzzRequest> Request(ApiOperation operation, FuzzServer server)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(server);
        var method = Gen.Frequency((9, Gen.Const(operation.Method)), (1, Gen.OneOf(Methods)));
        var target = Gen.Select(Path(operation, server), Query(operation, server));
        Gen<(string? Type, byte[] Body, Framing Framing)> body = operation.BodyType switch
        {
            "application/zip" => Gen.Select(ArchiveContentTypes, ArchiveFramings, (type, framing) => (type, server.Archive, framing)),
            not null => Gen.Select(JsonContentTypes, JsonBody(operation, server), BodyFramings, (type, bytes, framing) => (type, bytes, framing)),
            null => Gen.Frequency(
                (5, Gen.Const<(string?, byte[], Framing)>((null, [], Framing.None))),
                (1, Gen.Select(JsonContentTypes, Gen.Byte.Array[0, 100], BodyFramings, (type, bytes, framing) => (type, bytes, framing)))),
        };
        return Gen.Select(method, Credentials(operation), target, body, (m, credential, t, b) =>
            new FuzzRequest(operation, m, credential, t.Item1, t.Item2, b.Type, b.Body, b.Framing));
    }

    /// <summary>A hostile request to any operation of the document.</summary>
    public static Gen<FuzzRequest> Request(FuzzServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return Gen.OneOf([.. server.Operations.Select(o => Request(o, server))]);
    }
}
