using System.Text;

namespace Steward.Cli.Admin;

/// <summary>Builds a path with a query string from the parameters that have a value.</summary>
internal static class QueryString
{
    /// <summary><paramref name="path"/> followed by <c>?name=value&amp;...</c> for each pair whose value is not null, escaped.</summary>
    public static string Of(string path, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return text.ToString();
    }
}
