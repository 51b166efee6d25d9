using Steward.Agent.Net;

namespace Steward.Agent.Cli;

/// <summary>The file of <c>--ca FILE</c>: a PEM CA certificate, read once at logon and kept in the state.</summary>
internal static class CaFile
{
    /// <summary>The PEM text, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Read(string path, out string? error)
    {
        error = null;
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"--ca: cannot read '{path}': {e.Message}";
            return null;
        }

        if (ServerTrust.ReadPem(pem, out var problem) is null)
        {
            error = $"--ca: '{path}': {problem}";
            return null;
        }

        return pem;
    }
}
