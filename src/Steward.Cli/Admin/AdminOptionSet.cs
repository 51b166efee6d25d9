using System.CommandLine;

namespace Steward.Cli.Admin;

/// <summary>The options shared by every verb that talks to the server: <c>--server</c>, <c>--token</c>, <c>--token-file</c>, <c>--json</c>, <c>--ca</c>.</summary>
internal sealed class AdminOptionSet
{
    private readonly Option<string?> _server = new("--server")
    {
        Description = $"The server's URL. Default: ${ConnectionResolver.UrlVariable}, then {ConnectionResolver.DefaultServer}.",
        HelpName = "URL",
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = $"The admin token. Default: --token-file, then ${ConnectionResolver.TokenVariable}, then the file {ConnectionResolver.DefaultTokenFile} if it exists.",
        HelpName = "TOKEN",
    };

    private readonly Option<string?> _tokenFile = new("--token-file")
    {
        Description = "A file holding the admin token (the server writes one to <data>/admin-token).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _ca = new("--ca")
    {
        Description = $"A PEM file of the private CA to trust (exactly it) for an https server. Default: ${ConnectionResolver.CaVariable}, then the system's trust store.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _json = JsonSwitch.Create();

    private AdminOptionSet()
    {
    }

    /// <summary>Adds the options to <paramref name="command"/> and returns them, to be read after parsing.</summary>
    public static AdminOptionSet AddTo(Command command)
    {
        var set = new AdminOptionSet();
        command.Options.Add(set._server);
        command.Options.Add(set._token);
        command.Options.Add(set._tokenFile);
        command.Options.Add(set._json);
        command.Options.Add(set._ca);
        return set;
    }

    /// <summary>The values given for this set's options.</summary>
    public AdminSwitches Read(ParseResult parsed) =>
        new(parsed.GetValue(_server), parsed.GetValue(_token), parsed.GetValue(_tokenFile), parsed.GetValue(_json), parsed.GetValue(_ca));
}
