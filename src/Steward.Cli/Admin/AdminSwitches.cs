namespace Steward.Cli.Admin;

/// <summary>The options every admin verb takes, as given on the command line (nothing resolved yet).</summary>
/// <param name="Server">--server: the server's URL, or null.</param>
/// <param name="Token">--token: the admin token, or null.</param>
/// <param name="TokenFile">--token-file: a file holding the admin token, or null.</param>
/// <param name="Json">--json: print exactly the server's JSON and nothing else on standard output.</param>
/// <param name="Ca">--ca: a PEM file of the private CA to trust for an https server, or null.</param>
internal sealed record AdminSwitches(string? Server, string? Token, string? TokenFile, bool Json, string? Ca = null);
