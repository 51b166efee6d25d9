using Microsoft.AspNetCore.WebUtilities;
using Steward.Policy.Decisions;
using Steward.Protocol.Admin;
using Steward.Server.Decisions;
using Steward.Server.Http;
using Steward.Server.Sites;
using Steward.Server.Storage.Rows;

namespace Steward.Server.WebConsole.Views;

/// <summary>
/// The clients table's filters as the URL carries them (<c>site</c>, <c>version</c>, <c>outcome</c>, <c>name</c>,
/// <c>inactive</c>, <c>health</c>, <c>after</c>, <c>limit</c>), so that every filtered view and page is a link to share; read
/// and checked like the API's query of <c>GET /v1/clients</c>.
/// </summary>
internal sealed record ClientQuery(string? Site, string? Version, string? Outcome, string? Name, bool Inactive, string? After, int Limit, string? Health = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxName = 64;

    /// <summary>Every outcome word, for the filter's choices.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [.. Enum.GetNames<Outcome>()];

    public static ClientQuery Read(IQueryCollection query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        var site = Text(query["site"]) is { } s ? SiteInput.Code(s, "site", errors)?.ToString() : null;
        var version = Text(query["version"]) is { } v ? (v == "none" ? v : SiteInput.Version(v, "version", errors)?.ToString()) : null;
        var outcome = Text(query["outcome"]);
        if (outcome is not null && !Words.IsOutcome(outcome))
        {
            errors.Add("outcome", $"'{outcome}' is not an outcome word");
            outcome = null;
        }

        var name = Text(query["name"]);
        if (name is { Length: > MaxName })
        {
            errors.Add("name", $"at most {MaxName} characters");
            name = null;
        }

        var limit = DefaultLimit;
        if (Text(query["limit"]) is { } l && (!int.TryParse(l, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"a number from 1 to {MaxLimit}");
            limit = DefaultLimit;
        }

        var health = Text(query["health"]);
        if (health is not null && !HealthWords.Filters.Contains(health))
        {
            errors.Add("health", $"'{health}' is not a health word ({string.Join(", ", HealthWords.Filters)})");
            health = null;
        }

        var after = Text(query["after"]) is { Length: <= 64 } a ? a : null;
        return new ClientQuery(site, version, outcome, name, Text(query["inactive"]) is "true" or "on", after, limit, health);
    }

    public ClientFilter Filter(long? inactiveBefore, int limit, string? after) =>
        new(Site, Version, Outcome, null, Inactive ? inactiveBefore : null, after, limit, Name, Health);

    /// <summary>The query string of this view, starting after <paramref name="after"/> (null: the first page).</summary>
    public string Link(string path, string? after)
    {
        var values = new List<KeyValuePair<string, string?>>();
        Add(values, "site", Site);
        Add(values, "version", Version);
        Add(values, "outcome", Outcome);
        Add(values, "name", Name);
        Add(values, "inactive", Inactive ? "true" : null);
        Add(values, "health", Health);
        Add(values, "limit", Limit == DefaultLimit ? null : Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(values, "after", after);
        return QueryHelpers.AddQueryString(path, values);
    }

    private static void Add(List<KeyValuePair<string, string?>> values, string key, string? value)
    {
        if (value is not null)
        {
            values.Add(new(key, value));
        }
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 1 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
}
