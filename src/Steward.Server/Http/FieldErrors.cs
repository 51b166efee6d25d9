namespace Steward.Server.Http;

/// <summary>Collects what is wrong with each field of a request (JSON names), to answer all of it at once.</summary>
internal sealed class FieldErrors
{
    // Made at the first error: most requests have none.
    private Dictionary<string, List<string>>? _dictionary;

    private Dictionary<string, List<string>> Errors => _dictionary ??= new(StringComparer.Ordinal);

    public bool Any => _dictionary is { Count: > 0 };

    public FieldErrors Add(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>All messages as one sentence, for the problem's <c>detail</c>.</summary>
    public string Summary => string.Join("; ", Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    public Dictionary<string, string[]> ToDictionary() => Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
