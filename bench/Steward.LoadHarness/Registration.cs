using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Steward.Policy.Decisions;
using Steward.Protocol;
using Steward.Protocol.Agent;

namespace Steward.LoadHarness;

/// <summary>
/// Sets up the hierarchy, enrolls every client through the logon endpoint, then runs each client's first
/// maintenance cycle. The first cycle records a new decision (a write transaction); every cycle after it
/// that changes nothing is a repeat, the steady state that wrk then measures.
/// </summary>
public static class Registration
{
    // A 409 is the server's "record kept changing, try again"; nothing else is retried.
    private const int Attempts = 3;

    public static async Task<int> RunAsync(HarnessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = (await File.ReadAllTextAsync(options.TokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };

        var secret = await Hierarchy.CreateAsync(http, token, cancellationToken).ConfigureAwait(false);
        var clients = new Enrollment[options.Clients];
        await ForEachAsync("enrolled", options, async (i, ct) => clients[i] = await EnrollAsync(http, secret, i, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await ClientFiles.WriteAsync(options.Output, clients, cancellationToken).ConfigureAwait(false);

        await ForEachAsync("first cycles", options, async (i, ct) => await CycleAsync(http, clients[i], i, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        // The steady-state answer, the one wrk gets back: client 0's second cycle.
        var sample = await CycleAsync(http, clients[0], 0, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(options.Output, ClientFiles.Response), sample, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"cycle answer: {sample.Length} bytes: {Encoding.UTF8.GetString(sample)}");
        return 0;
    }

    private static async Task ForEachAsync(string what, HarnessOptions options, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        var step = Math.Max(1, options.Clients / 10);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Clients), parallel, async (i, ct) =>
        {
            await body(i, ct).ConfigureAwait(false);
            var n = Interlocked.Increment(ref done);
            if (n % step == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {n} in {clock.Elapsed.TotalSeconds:0.0} s"));
            }
        }).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {options.Clients} clients in {clock.Elapsed.TotalSeconds:0.0} s ({options.Clients / clock.Elapsed.TotalSeconds:0} per second, {options.Concurrency} at once)"));
    }

    private static async Task<Enrollment> EnrollAsync(HttpClient http, string secret, int index, CancellationToken cancellationToken)
    {
        var request = new LogonRequest(secret, "logon", BenchFleet.ComputerName(index), [BenchFleet.Address(index)], null, null, null);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync(Routes.Logon(BenchFleet.LogonPoint), request, ProtocolJson.Default.LogonRequest, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                continue;
            }

            await Hierarchy.ExpectAsync(response, HttpStatusCode.OK, $"enrolling client {index}", cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonResponse, cancellationToken).ConfigureAwait(false);
            return answer is { Outcome: nameof(Outcome.Installed), Enrollment: { } enrollment }
                ? enrollment
                : throw new HarnessException($"client {index} was not enrolled: {answer?.Outcome}: {answer?.Reason}");
        }
    }

    private static async Task<byte[]> CycleAsync(HttpClient http, Enrollment client, int index, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Cycle(BenchFleet.Site));
            request.Headers.TryAddWithoutValidation("Authorization", ClientFiles.Authorization(client));
            request.Content = new StringContent(ClientFiles.CycleBody(index), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                continue;
            }

            await Hierarchy.ExpectAsync(response, HttpStatusCode.OK, $"client {index}'s cycle", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var answer = System.Text.Json.JsonSerializer.Deserialize(body, ProtocolJson.Default.CycleResponse);
            return answer?.Outcome == nameof(Outcome.UpToDate) ? body : throw new HarnessException($"client {index}'s cycle: {answer?.Outcome}, not UpToDate: {answer?.Reason}");
        }
    }
}
