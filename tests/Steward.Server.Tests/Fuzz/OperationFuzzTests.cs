using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Steward.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace Steward.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every operation of the server's own OpenAPI document on a real Kestrel:
/// malformed and hostile bodies, framings, paths, query values and credentials. Whatever is sent, the
/// answer is no 5xx, comes within 2 s, is a problem document when it is a 4xx (with field names spelled
/// as the API spells them), and the server logs no error. CsCheck prints the seed of a failing sample;
/// set CsCheck_Seed to replay it.
/// </summary>
public sealed class OperationFuzzTests(FuzzServer server, ITestOutputHelper output) : IClassFixture<FuzzServer>
{
    // Bounded so that the suite stays quick in CI; STEWARD_FUZZ_ITERATIONS runs a deeper search.
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("STEWARD_FUZZ_ITERATIONS"), out var n) ? n : 600;
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(2);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recent = new();

    [Fact]
    public void TheDocument_ListsTheOperationsFuzzed()
    {
        Assert.Contains(server.Operations, o => o is { Method: "POST", Template: "/v1/access/{site}/cycle" });
        Assert.Contains(server.Operations, o => o is { Method: "POST", Template: "/v1/packages", BodyType: "application/zip" });
        Assert.All(server.Operations, o => Assert.StartsWith("/v1/", o.Template, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostileRequests_ToEveryOperation_AreRefusedCleanly()
    {
        var seen = new HashSet<ApiOperation>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await HostileInput.Request(server).SampleAsync(
            async request =>
            {
                lock (seen)
                {
                    seen.Add(request.Operation);
                }

                statuses.AddOrUpdate(await AssertAnsweredCleanlyAsync(request), 1, (_, count) => count + 1);
            },
            writeLine: output.WriteLine,
            iter: Iterations,

            // One request at a time: an error in the log is then the one request's doing.
            threads: 1);

        output.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.Equal(server.Operations.Count, seen.Count);
    }

    // Returns the status answered (0: none).
    private async Task<int> AssertAnsweredCleanlyAsync(FuzzRequest request)
    {
        var errorsBefore = server.App.Log.Faults.Count;
        _recent.Enqueue(request.ToString());
        while (_recent.Count > 3)
        {
            _recent.TryDequeue(out _);
        }

        await using var connection = await RawConnection.OpenAsync(server.App.Address);
        var clock = Stopwatch.StartNew();
        await connection.SendAsync(request.Bytes(server));
        if (request.ClientLeaves)
        {
            connection.EndSending();
        }

        // Far beyond the bound, only so that a hang ends the test; the bound itself is checked below.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await connection.ReadResponseAsync(hang.Token);
        var took = clock.Elapsed;

        Assert.True(took < AnswerBound, $"answered after {took.TotalMilliseconds:F0} ms: {request}");
        if (answer is null)
        {
            Assert.True(request.ClientLeaves, $"the server closed the connection without an answer: {request}");
        }
        else
        {
            Assert.True(answer.Status < 500, $"{answer.Status} for {request}\n{answer}");
            var kestrel = answer.Status is 400 or 414 && answer.Closes && answer.Body.Length == 0;
            if (request.KestrelRefuses != false)
            {
                Assert.True(kestrel || request.KestrelRefuses is null, $"Kestrel's own refusal expected for {request}\n{answer}");
            }

            if (request.KestrelRefuses == false && answer.Status >= 400)
            {
                AssertProblem(answer, request);
            }
        }

        var errors = server.App.Log.Faults;
        Assert.True(errors.Count == errorsBefore, $"the server logged an error for {request}:\n{string.Join("\n", errors.Skip(errorsBefore).Select(Explain))}");
        return answer?.Status ?? 0;
    }

    // An entry with everything logged on its connection (Kestrel names it in a scope), or with the requests
    // just before it: Kestrel logs a connection's end after its answer has gone out.
    private string Explain(CapturedLog.Entry entry)
    {
        var connection = entry.Scopes.Split("ConnectionId:").Skip(1).FirstOrDefault()?.Split(';', ' ')[0];
        return connection is null
            ? $"{entry}\n(the requests before it: {string.Join("\n", _recent)})"
            : $"{entry}\n(everything logged on its connection:\n{string.Join("\n", server.App.Log.All.Where(e => e.Scopes.Contains(connection, StringComparison.Ordinal)))})";
    }

    private static void AssertProblem(RawResponse answer, FuzzRequest request)
    {
        Assert.True(answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true, $"not a problem document: {request}\n{answer}");
        using var problem = JsonDocument.Parse(answer.Body);
        var root = problem.RootElement;
        Assert.True(root.TryGetProperty("status", out var status) && status.GetInt32() == answer.Status, $"no status {answer.Status}: {request}\n{answer}");
        Assert.True(root.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()), $"no detail: {request}\n{answer}");
        if (root.TryGetProperty("errors", out var errors))
        {
            foreach (var field in errors.EnumerateObject())
            {
                Assert.True(IsApiFieldName(field.Name), $"field '{field.Name}' is not spelled as the API spells it: {request}\n{answer}");
            }
        }
    }

    // camelCase JSON names with indices and dots (boundaries[2], lastUpgrade.version), or a header's name.
    private static bool IsApiFieldName(string name) =>
        name is "If-Match"
        || (name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']') && !name.StartsWith("body.", StringComparison.Ordinal));
}
