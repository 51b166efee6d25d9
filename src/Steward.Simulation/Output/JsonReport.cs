using System.Text.Encodings.Web;
using System.Text.Json;
using Steward.Policy.Boundaries;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Simulation.Model;
using Steward.Simulation.Running;

namespace Steward.Simulation.Output;

/// <summary>
/// The JSON document of <c>steward simulate --output json</c> (docs/RULES.md section 6):
/// <c>{"results": [...], "clients": [...]}</c>.
/// </summary>
/// <remarks>
/// <para>Streamed with <see cref="Utf8JsonWriter"/>, flushed to the stream every
/// <see cref="FlushThreshold"/> bytes: a million clients are written one after another, never held
/// as a document. Versions, site codes and outcome words are written from spans and tables, so a
/// client costs no string beyond a generated client's name.</para>
/// <para>Keys beyond the spec's (which readers ignore, docs/RULES.md section 5): <c>at</c> (the logon point) on
/// logon, install and logonAll results; <c>kind</c> also on <c>HotfixApplied</c>; <c>kinds</c> on bulk
/// results; <c>reason</c>, and <c>client</c>, <c>site</c>, <c>version</c>, <c>addresses</c> or
/// <c>travel</c>, on <c>Applied</c> results.</para>
/// </remarks>
public static class JsonReport
{
    /// <summary>How many bytes the writer gathers before it hands them to the stream.</summary>
    public const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Standard output is not HTML: keep apostrophes and non-ASCII names readable; quotes,
        // backslashes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document for <paramref name="run"/> to <paramref name="stream"/>, UTF-8, without closing it.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="run">The finished simulation.</param>
    /// <param name="allClients">True to list the generated clients after the named ones (<c>--all-clients</c>).</param>
    public static void Write(Stream stream, SimulationRun run, bool allClients)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(run);
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        var codes = SiteCodes(run.Sites);
        json.WriteStartObject();
        json.WriteStartArray("results");
        foreach (var result in run.Results)
        {
            WriteResult(json, result);
            FlushIfFull(json);
        }

        json.WriteEndArray();
        json.WriteStartArray("clients");
        var fleet = run.Fleet;
        var last = allClients ? fleet.Count : fleet.NamedCount;
        for (var client = 0; client < last; client++)
        {
            WriteClient(json, fleet, client, codes);
            FlushIfFull(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushThreshold)
        {
            json.Flush();
        }
    }

    private static void WriteResult(Utf8JsonWriter json, StepResult result)
    {
        json.WriteStartObject();
        json.WriteNumber("step", result.Number);
        json.WriteString("action", result.Action);
        switch (result)
        {
            case ClientStepResult r:
                WriteClientStep(json, r);
                break;
            case AppliedStepResult r:
                WriteApplied(json, r);
                break;
            case BulkStepResult r:
                WriteBulk(json, r);
                break;
            case RolloutStepResult r:
                WriteRolloutStep(json, r);
                break;
            case RunStepResult r:
                WriteRun(json, r);
                break;
            default:
                throw new ArgumentException($"Result of step {result.Number} is of a kind the report does not know.", nameof(result));
        }

        json.WriteEndObject();
    }

    private static void WriteClientStep(Utf8JsonWriter json, ClientStepResult r)
    {
        json.WriteString("client", r.Client);
        if (r.LogonPoint is not null)
        {
            json.WriteString("at", r.LogonPoint);
        }

        json.WriteString("outcome", OutcomeWords.Of(r.Outcome));
        WriteVersion(json, "versionBefore", r.VersionBefore);
        WriteVersion(json, "versionAfter", r.VersionAfter);
        WriteCodes(json, "sitesBefore", r.SitesBefore);
        WriteCodes(json, "sitesAfter", r.SitesAfter);
        json.WriteString("reason", r.Reason);
        if (r.Kind != Policy.Decisions.UpgradeKind.None)
        {
            json.WriteString("kind", OutcomeWords.Of(r.Kind));
        }
    }

    private static void WriteApplied(Utf8JsonWriter json, AppliedStepResult r)
    {
        if (r.Client is not null)
        {
            json.WriteString("client", r.Client);
        }

        json.WriteString("outcome", OutcomeWords.Applied);
        switch (r.Step)
        {
            case SiteVersionStep s:
                json.WriteString("site", s.Site.ToString());
                WriteVersion(json, "version", s.Version);
                break;
            case MoveStep s:
                WriteAddresses(json, s.Addresses);
                break;
            case TravelStep s:
                json.WriteBoolean("travel", s.Enabled);
                break;
            default:
                break;
        }

        json.WriteString("reason", r.Reason);
    }

    private static void WriteBulk(Utf8JsonWriter json, BulkStepResult r)
    {
        if (r.LogonPoint is not null)
        {
            json.WriteString("at", r.LogonPoint);
        }

        WriteCounts(json, r.Outcomes, r.Kinds);
        if (r.Reason is not null)
        {
            json.WriteString("reason", r.Reason);
        }
    }

    private static void WriteCounts(Utf8JsonWriter json, IReadOnlyList<OutcomeCount> outcomes, IReadOnlyList<KindCount> kinds)
    {
        json.WriteStartObject("outcomes");
        foreach (var count in outcomes)
        {
            json.WriteNumber(OutcomeWords.Of(count.Outcome), count.Count);
        }

        json.WriteEndObject();
        json.WriteStartObject("kinds");
        foreach (var count in kinds)
        {
            json.WriteNumber(OutcomeWords.Of(count.Kind), count.Count);
        }

        json.WriteEndObject();
    }

    // docs/RULES.md section 4: a step that names a rollout carries "rollout" and, once it exists, "state".
    private static void WriteRolloutStep(Utf8JsonWriter json, RolloutStepResult r)
    {
        if (r.Rollout is not null)
        {
            json.WriteString("rollout", r.Rollout);
        }

        switch (r.Step)
        {
            case RolloutStep s:
                json.WriteString("site", s.Site.ToString());
                WriteVersion(json, "version", s.Version);
                break;
            case SiteVersionStep s:
                json.WriteString("site", s.Site.ToString());
                WriteVersion(json, "version", s.Version);
                break;
            case AdvanceStep s:
                json.WriteString("duration", Policy.Rollouts.Duration.Format(s.Seconds));
                break;
            default:
                break;
        }

        json.WriteString("outcome", r.Applied ? OutcomeWords.Applied : OutcomeWords.Refused);
        if (r.State is { } state)
        {
            json.WriteString("state", Policy.Rollouts.RolloutStates.Word(state));
        }

        json.WriteString("reason", r.Reason);
    }

    private static void WriteRun(Utf8JsonWriter json, RunStepResult r)
    {
        json.WriteString("outcome", OutcomeWords.Applied);
        json.WriteString("duration", Policy.Rollouts.Duration.Format(r.End - r.Start));
        json.WriteNumber("cycles", r.Cycles);
        WriteCounts(json, r.Outcomes, r.Kinds);
        json.WriteStartArray("series");
        Span<char> text = stackalloc char[23];
        foreach (var point in r.Series)
        {
            json.WriteStartObject();
            json.WriteNumber("hour", point.Hour);
            json.WriteStartObject("versions");
            foreach (var count in point.Versions)
            {
                count.Version!.Value.TryFormat(text, out var written, default, null);
                json.WriteNumber(text[..written], count.Count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            FlushIfFull(json);
        }

        json.WriteEndArray();
        json.WriteString("reason", r.Reason);
    }

    private static void WriteClient(Utf8JsonWriter json, Fleet fleet, int client, JsonEncodedText[] codes)
    {
        json.WriteStartObject();
        json.WriteString("name", fleet.NameOf(client));
        WriteVersion(json, "installed", fleet.InstalledOf(client));
        json.WriteStartArray("sites");
        foreach (var site in fleet.SitesOf(client))
        {
            json.WriteStringValue(codes[site]);
        }

        json.WriteEndArray();
        json.WriteBoolean("travel", fleet.IsTravelling(client));
        json.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter json, string key, AgentVersion? version)
    {
        if (version is not { } v)
        {
            json.WriteNull(key);
            return;
        }

        // 5 + 1 + 5 + 1 + 5 + 1 + 5: the longest canonical version.
        Span<char> text = stackalloc char[23];
        v.TryFormat(text, out var written, default, null);
        json.WriteString(key, text[..written]);
    }

    private static void WriteCodes(Utf8JsonWriter json, string key, IReadOnlyList<SiteCode> codes)
    {
        json.WriteStartArray(key);
        foreach (var code in codes)
        {
            json.WriteStringValue(code.ToString());
        }

        json.WriteEndArray();
    }

    private static void WriteAddresses(Utf8JsonWriter json, IReadOnlyList<NetworkAddress> addresses)
    {
        json.WriteStartArray("addresses");
        foreach (var address in addresses)
        {
            json.WriteStringValue(address.ToString());
        }

        json.WriteEndArray();
    }

    // Every site code of the table, encoded once: a million clients' site lists cost no string.
    private static JsonEncodedText[] SiteCodes(SiteTable sites)
    {
        var codes = new JsonEncodedText[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            codes[i] = JsonEncodedText.Encode(sites[i].Code.ToString());
        }

        return codes;
    }
}
