namespace Steward.Cli.Admin;

/// <summary>Where the server is and how to prove to it that we are an administrator, with where each came from (for error messages).</summary>
/// <param name="Server">The server's base URL.</param>
/// <param name="ServerSource">Where the URL came from, as words after "the URL is": "given by --server", "given by $STEWARD_URL" or "the default".</param>
/// <param name="Token">The admin token.</param>
/// <param name="TokenSource">Where the token came from: <c>--token</c>, a file, or <c>STEWARD_TOKEN</c>.</param>
/// <param name="Ca">The private CA certificates (PEM) to trust exactly for an https server, or null for the system's trust store.</param>
internal sealed record Connection(Uri Server, string ServerSource, string Token, string TokenSource, string? Ca = null)
{
    /// <summary>The URL as people wrote it: without the slash <see cref="Uri"/> adds.</summary>
    public string Display => Server.AbsoluteUri.TrimEnd('/');
}
