using System.Text.Json;

namespace Steward.Simulation.Forecasts;

/// <summary>
/// Finds a pilot's clients in a server's scenario export, where each client is one line
/// <c>  - {name: NAME, ...}</c> and a name shared by several clients (or not ASCII) is written <c>NAME~ID</c>.
/// An entry matches a client's exported name (ignoring case), or the <c>~ID</c> a shared name carries, or the
/// one client exported as <c>ENTRY~ID</c>.
/// </summary>
public static class ExportedPilot
{
    private const string ClientLine = "  - {name: ";

    /// <summary>The exported names of <paramref name="entries"/>, or for each entry that names no client or several, why.</summary>
    public static (IReadOnlyList<string> Names, IReadOnlyList<string> Problems) Resolve(string export, IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(entries);
        var names = new List<string>();
        var problems = new List<string>();
        if (entries.Count == 0)
        {
            return (names, problems);
        }

        var exported = Names(export).ToList();
        foreach (var entry in entries)
        {
            var exact = exported.Where(n => string.Equals(n, entry, StringComparison.OrdinalIgnoreCase)
                || n.EndsWith("~" + entry, StringComparison.Ordinal)).ToList();
            var candidates = exact.Count > 0 ? exact : exported.Where(n => n.StartsWith(entry + "~", StringComparison.OrdinalIgnoreCase)).ToList();
            switch (candidates.Count)
            {
                case 1:
                    names.Add(candidates[0]);
                    break;
                case 0:
                    problems.Add($"pilot '{entry}': no client of the export has this name (a client whose name is its own is exported by name only: give it by its computer name)");
                    break;
                default:
                    problems.Add($"pilot '{entry}': {candidates.Count} clients have this name ({string.Join(", ", candidates.Take(5))}); give the one you mean by its id");
                    break;
            }
        }

        return (names, problems);
    }

    /// <summary>The clients' names of an export, in file order.</summary>
    public static IEnumerable<string> Names(string export)
    {
        ArgumentNullException.ThrowIfNull(export);
        foreach (var line in export.Split('\n'))
        {
            if (!line.StartsWith(ClientLine, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[ClientLine.Length..];
            if (rest.StartsWith('"'))
            {
                // A quoted name is a JSON string (the export writes it so): read exactly that string.
                var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(rest), new JsonReaderOptions { AllowTrailingCommas = true });
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    yield return reader.GetString()!;
                }
            }
            else if (rest.IndexOf(',', StringComparison.Ordinal) is var comma and > 0)
            {
                yield return rest[..comma];
            }
        }
    }
}
