using System.Text;
using Steward.Cli.Io;

namespace Steward.Cli.Admin;

/// <summary>Prints a JSON document on standard output exactly as it came, followed by one newline.</summary>
internal static class JsonOut
{
    /// <summary>Prints <paramref name="body"/> (UTF-8 JSON).</summary>
    public static void Write(Terminal terminal, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(body);
        terminal.Out.WriteLine(Encoding.UTF8.GetString(body).TrimEnd('\r', '\n'));
        terminal.Out.Flush();
    }
}
