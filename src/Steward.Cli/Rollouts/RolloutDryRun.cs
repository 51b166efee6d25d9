using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Cli.Admin;
using Steward.Cli.Io;
using Steward.Policy.Rollouts;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Simulation.Forecasts;

namespace Steward.Cli.Rollouts;

/// <summary>
/// <c>steward rollout start ... --dry-run</c>: starts nothing. It reads the server's scenario export (<c>GET /v1/scenario</c>,
/// a viewer's right), runs the rollout on it through the simulator (<see cref="RolloutForecast"/>, the console's forecast)
/// and prints when the last client would upgrade and how many would upgrade in the busiest hour.
/// </summary>
internal static class RolloutDryRun
{
    public static Task<int> RunAsync(RolloutStartOptions options, Terminal terminal, CliEnvironment environment, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var (settings, errors) = Check(options);
        if (settings is null)
        {
            foreach (var error in errors)
            {
                terminal.Error.WriteLine($"steward: {error}");
            }

            return Task.FromResult(ExitCodes.InvalidInput);
        }

        return AdminRun.RunAsync(options.Admin, terminal, environment, async client =>
        {
            using var buffer = new MemoryStream();
            await client.DownloadAsync(Routes.Scenario, buffer, cancellation).ConfigureAwait(false);
            var export = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var (pilot, problems) = ExportedPilot.Resolve(export, options.Pilot);
            if (problems.Count > 0)
            {
                throw new AdminFailure(ExitCodes.InvalidInput, [.. problems.Select(p => $"steward: {p}")]);
            }

            var request = settings with { Pilot = pilot };
            var forecast = RolloutForecast.Run(export, request);
            if (!forecast.Success)
            {
                throw new AdminFailure(ExitCodes.Refused, [$"steward: the rollout cannot be simulated on the fleet of {client.Server}:", .. forecast.Problems.Select(p => $"  {p.Message}")]);
            }

            var now = ExportedAt(export);
            if (options.Admin.Json)
            {
                terminal.Out.WriteLine(Json(request, forecast, now));
            }
            else
            {
                Print(request, forecast, now, client.Server, terminal.Out);
            }

            return ExitCodes.Ok;
        });
    }

    // The settings checked by Policy's parsers, as the server checks them; the pilot is resolved against the export.
    private static (ForecastRequest? Request, List<string> Errors) Check(RolloutStartOptions options)
    {
        var errors = new List<string>();
        var site = SiteCode.Parse(options.Site);
        var version = AgentVersion.TryParse(options.Version);
        var window = Duration.Parse(options.Window ?? "0");
        var rate = Rate.Parse(options.HaltRate ?? Rollout.DefaultHaltRate.ToString());
        Add(errors, "site", site.Error);
        Add(errors, "--version", version.Error);
        Add(errors, "--window", window.Error);
        Add(errors, "--halt-rate", rate.Error);
        if (options.HaltFailures is < 0)
        {
            errors.Add($"--halt-failures: {options.HaltFailures} is below 0");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ForecastRequest(site.Value.ToString(), version.Value.ToString(), [], window.Value, options.HaltFailures ?? Rollout.DefaultHaltFailures, rate.Value.ToString(), Promoted: false), errors);
    }

    private static void Add(List<string> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors.Add($"{field}: {error}");
        }
    }

    private static void Print(ForecastRequest request, ForecastResult forecast, DateTimeOffset? now, string server, TextWriter output)
    {
        output.WriteLine($"Dry run: nothing was started. The forecast for a rollout of site {request.Site} to {request.Version} over {request.WindowText} on the fleet of {server}, starting now:");
        if (forecast.LastUpgradeHour is not { } last)
        {
            output.WriteLine($"  no client would upgrade to {request.Version}.");
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {forecast.Upgraded:N0} clients would upgrade; the last by hour {last} ({At(now, last)})."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  At the peak, {forecast.PeakPerHour:N0} clients would upgrade in one hour (the hour ending at hour {forecast.PeakHour}, {At(now, forecast.PeakHour!.Value)})."));
        }

        output.WriteLine($"  {forecast.Reason}");
    }

    private static string Json(ForecastRequest request, ForecastResult forecast, DateTimeOffset? now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("dryRun", true);
            json.WriteString("site", request.Site);
            json.WriteString("version", request.Version);
            json.WriteString("window", request.WindowText);
            json.WriteNumber("upgraded", forecast.Upgraded);
            WriteHour(json, "lastUpgradeHour", "lastUpgradeAt", forecast.LastUpgradeHour, now);
            json.WriteNumber("peakPerHour", forecast.PeakPerHour);
            WriteHour(json, "peakHour", "peakAt", forecast.PeakHour, now);
            json.WriteString("reason", forecast.Reason);
            json.WriteStartArray("series");
            foreach (var point in forecast.Series)
            {
                json.WriteStartObject();
                json.WriteNumber("hour", point.Hour);
                json.WriteStartObject("versions");
                foreach (var count in point.Versions)
                {
                    json.WriteNumber(count.Version?.ToString() ?? "none", count.Count);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteHour(Utf8JsonWriter json, string hourName, string atName, long? hour, DateTimeOffset? now)
    {
        if (hour is { } h && now is { } start)
        {
            json.WriteNumber(hourName, h);
            json.WriteString(atName, start.AddHours(h).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(hourName);
            json.WriteNull(atName);
        }
    }

    // The forecast starts when the server exported the fleet, by its clock: the export's first line says when.
    private static DateTimeOffset? ExportedAt(string export)
    {
        const string Marker = "exported at ";
        var firstLine = export.AsSpan(0, Math.Max(0, export.IndexOf('\n', StringComparison.Ordinal)));
        var at = firstLine.IndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 && DateTimeOffset.TryParseExact(
            firstLine[(at + Marker.Length)..].TrimEnd('.'), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }

    private static string At(DateTimeOffset? now, long hour) =>
        now is { } start ? start.AddHours(hour).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "time of the export unknown";
}
