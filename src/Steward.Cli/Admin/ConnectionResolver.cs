using Steward.Cli.Io;

namespace Steward.Cli.Admin;

/// <summary>
/// Decides which server to talk to and with which token. The URL: <c>--server</c>, then
/// <c>STEWARD_URL</c>, then <see cref="DefaultServer"/>. The token: <c>--token</c>, then
/// <c>--token-file</c>, then <c>STEWARD_TOKEN</c>, then <see cref="DefaultTokenFile"/> if it exists,
/// which is where <c>steward server</c> writes it with its default data directory, then the copy a server
/// installed from the Debian package shares with the <c>steward</c> group (<see cref="CliEnvironment.PackagedTokenFile"/>). A private CA for an https
/// server: <c>--ca FILE</c>, then <c>STEWARD_CA</c>; without one the system's trust store decides.
/// </summary>
internal static class ConnectionResolver
{
    /// <summary>Where <c>steward server</c> listens unless told otherwise.</summary>
    public const string DefaultServer = "http://127.0.0.1:5180";

    /// <summary>The variable that names the server when <c>--server</c> does not.</summary>
    public const string UrlVariable = "STEWARD_URL";

    /// <summary>The variable that holds the token when neither <c>--token</c> nor <c>--token-file</c> is given.</summary>
    public const string TokenVariable = "STEWARD_TOKEN";

    /// <summary>The variable that names a private CA file when <c>--ca</c> does not.</summary>
    public const string CaVariable = "STEWARD_CA";

    /// <summary>The server's token file under its default data directory, relative to the working directory.</summary>
    public const string DefaultTokenFile = "steward-data/admin-token";

    /// <summary>The connection, or an <see cref="AdminFailure"/> that says what is missing or wrong.</summary>
    public static Connection Resolve(AdminSwitches switches, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(switches);
        ArgumentNullException.ThrowIfNull(environment);
        var (server, serverSource) = ResolveServer(switches, environment);
        var (token, tokenSource) = ResolveToken(switches, environment);
        return new Connection(server, serverSource, token, tokenSource, ResolveCa(switches, environment));
    }

    // --ca, then $STEWARD_CA: a PEM file read now, so that a wrong one is said before anything is sent.
    private static string? ResolveCa(AdminSwitches switches, CliEnvironment environment)
    {
        var (file, source) = switches.Ca is not null ? (switches.Ca, "--ca") : (environment.Variable(CaVariable), CaVariable);
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        var path = environment.PathOf(file);
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AdminFailure.InvalidInput($"{source}: cannot read {path}: {e.Message}");
        }

        var roots = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw AdminFailure.InvalidInput($"{source}: {path} is not a PEM certificate: {e.Message}");
        }

        return roots.Count == 0 ? throw AdminFailure.InvalidInput($"{source}: {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)") : pem;
    }

    private static (Uri Server, string Source) ResolveServer(AdminSwitches switches, CliEnvironment environment)
    {
        if (switches.Server is not null)
        {
            return (ParseServer(switches.Server, "--server"), "given by --server");
        }

        var fromVariable = environment.Variable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return (ParseServer(fromVariable, UrlVariable), $"given by ${UrlVariable}");
        }

        return (new Uri(DefaultServer), "the default");
    }

    private static Uri ParseServer(string text, string source)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw AdminFailure.InvalidInput($"{source}: '{text}' is not a server URL such as {DefaultServer}");
        }

        return uri;
    }

    private static (string Token, string Source) ResolveToken(AdminSwitches switches, CliEnvironment environment)
    {
        if (switches.Token is not null && switches.TokenFile is not null)
        {
            throw AdminFailure.InvalidInput("give --token or --token-file, not both");
        }

        if (switches.Token is not null)
        {
            return string.IsNullOrWhiteSpace(switches.Token)
                ? throw AdminFailure.InvalidInput("--token is empty")
                : (switches.Token.Trim(), "--token");
        }

        if (switches.TokenFile is not null)
        {
            var path = environment.PathOf(switches.TokenFile);
            return File.Exists(path)
                ? (ReadTokenFile(path), $"--token-file {path}")
                : throw AdminFailure.InvalidInput($"--token-file: {path}: no such file");
        }

        var fromVariable = environment.Variable(TokenVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return (fromVariable.Trim(), TokenVariable);
        }

        var defaultFile = environment.PathOf(DefaultTokenFile);
        if (File.Exists(defaultFile))
        {
            return (ReadTokenFile(defaultFile), defaultFile);
        }

        if (File.Exists(environment.PackagedTokenFile))
        {
            return (ReadTokenFile(environment.PackagedTokenFile), environment.PackagedTokenFile);
        }

        throw new AdminFailure(
            ExitCodes.NotAuthorized,
            $"steward: no admin token: pass --token or --token-file, or set {TokenVariable}",
            $"  the server writes its token to <data>/admin-token when it first starts; {defaultFile} does not exist"
            + $" (a server installed from the Debian package shares it as {environment.PackagedTokenFile} with the steward group)");
    }

    private static string ReadTokenFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AdminFailure.InvalidInput($"cannot read the token file {path}: {e.Message}");
        }

        // The server writes the token with a final newline; an editor may add spaces.
        return string.IsNullOrWhiteSpace(text) ? throw AdminFailure.InvalidInput($"the token file {path} is empty") : text.Trim();
    }
}
