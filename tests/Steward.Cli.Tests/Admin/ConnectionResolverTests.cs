using Steward.Cli.Admin;
using Steward.Cli.Io;

namespace Steward.Cli.Tests.Admin;

public sealed class ConnectionResolverTests
{
    private static readonly AdminSwitches Nothing = new(null, null, null, false);

    [Fact]
    public void Server_OptionBeatsVariable_VariableBeatsDefault()
    {
        using var directory = new TempDirectory();
        var withVariable = directory.Environment(("STEWARD_URL", "http://10.0.0.1:8080"), ("STEWARD_TOKEN", "t"));

        var fromOption = ConnectionResolver.Resolve(Nothing with { Server = "https://steward.example:443/base" }, withVariable);
        var fromVariable = ConnectionResolver.Resolve(Nothing, withVariable);
        var byDefault = ConnectionResolver.Resolve(Nothing, directory.Environment(("STEWARD_TOKEN", "t")));

        Assert.Equal("https://steward.example/base", fromOption.Display);
        Assert.Equal("given by --server", fromOption.ServerSource);
        Assert.Equal("http://10.0.0.1:8080", fromVariable.Display);
        Assert.Equal("given by $STEWARD_URL", fromVariable.ServerSource);
        Assert.Equal("http://127.0.0.1:5180", byDefault.Display);
        Assert.Equal("the default", byDefault.ServerSource);
    }

    [Fact]
    public void Token_OptionThenTokenFileThenVariableThenDefaultFile()
    {
        using var directory = new TempDirectory();
        var defaultFile = directory.Write("steward-data/admin-token", "from-default-file\n");
        directory.Write("mine/token", "  from-token-file \n");
        var environment = directory.Environment(("STEWARD_TOKEN", "from-variable"));

        var all = ConnectionResolver.Resolve(Nothing with { Token = "from-option" }, environment);
        var file = ConnectionResolver.Resolve(Nothing with { TokenFile = "mine/token" }, environment);
        var variable = ConnectionResolver.Resolve(Nothing, environment);
        var fallback = ConnectionResolver.Resolve(Nothing, directory.Environment());

        Assert.Equal(("from-option", "--token"), (all.Token, all.TokenSource));
        Assert.Equal(("from-token-file", $"--token-file {Path.Combine(directory.Path, "mine", "token")}"), (file.Token, file.TokenSource));
        Assert.Equal(("from-variable", "STEWARD_TOKEN"), (variable.Token, variable.TokenSource));
        Assert.Equal(("from-default-file", defaultFile), (fallback.Token, fallback.TokenSource));
    }

    [Fact]
    public void Token_ThePackagedServersSharedFile_IsTheLastPlace()
    {
        using var directory = new TempDirectory();
        var shared = directory.Write("etc-steward/admin-token", "from-the-package\n");

        var packaged = ConnectionResolver.Resolve(Nothing, directory.Environment());
        directory.Write("steward-data/admin-token", "from-default-file");
        var local = ConnectionResolver.Resolve(Nothing, directory.Environment());

        Assert.Equal(("from-the-package", shared), (packaged.Token, packaged.TokenSource));
        Assert.Equal("from-default-file", local.Token);
        Assert.Equal(CliEnvironment.DebianTokenFile, CliEnvironment.Process.PackagedTokenFile);
    }

    [Fact]
    public void EmptyVariables_AreTakenAsUnset()
    {
        using var directory = new TempDirectory();
        directory.Write("steward-data/admin-token", "from-default-file");

        var connection = ConnectionResolver.Resolve(Nothing, directory.Environment(("STEWARD_URL", " "), ("STEWARD_TOKEN", "")));

        Assert.Equal("http://127.0.0.1:5180", connection.Display);
        Assert.Equal("from-default-file", connection.Token);
    }

    [Fact]
    public void NoTokenAnywhere_NotAuthorized_SaysWhereTokensComeFrom()
    {
        using var directory = new TempDirectory();

        var failure = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing, directory.Environment()));

        Assert.Equal(ExitCodes.NotAuthorized, failure.ExitCode);
        Assert.Equal("steward: no admin token: pass --token or --token-file, or set STEWARD_TOKEN", failure.Lines[0]);
        Assert.Contains(Path.Combine(directory.Path, "steward-data", "admin-token") + " does not exist", failure.Lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token", "file", "steward: give --token or --token-file, not both")]
    [InlineData(null, "missing", "steward: --token-file: {0}/missing: no such file")]
    [InlineData(null, "empty", "steward: the token file {0}/empty is empty")]
    [InlineData(" ", null, "steward: --token is empty")]
    public void TokenProblems_InvalidInput(string? token, string? tokenFile, string expected)
    {
        using var directory = new TempDirectory();
        directory.Write("empty", "\n");
        directory.Write("file", "t");

        var failure = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing with { Token = token, TokenFile = tokenFile }, directory.Environment()));

        Assert.Equal(ExitCodes.InvalidInput, failure.ExitCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, directory.Path), Assert.Single(failure.Lines));
    }

    [Theory]
    [InlineData("127.0.0.1:5180")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://127.0.0.1:5180/?x=1")]
    [InlineData("")]
    public void BadServerOption_InvalidInput_NamesTheText(string server)
    {
        using var directory = new TempDirectory();

        var failure = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing with { Server = server, Token = "t" }, directory.Environment()));

        Assert.Equal(ExitCodes.InvalidInput, failure.ExitCode);
        Assert.Equal($"steward: --server: '{server}' is not a server URL such as http://127.0.0.1:5180", Assert.Single(failure.Lines));
    }

    [Fact]
    public void BadUrlVariable_NamesTheVariable()
    {
        using var directory = new TempDirectory();

        var failure = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing with { Token = "t" }, directory.Environment(("STEWARD_URL", "nowhere"))));

        Assert.StartsWith("steward: STEWARD_URL: 'nowhere'", Assert.Single(failure.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Ca_OptionBeatsVariable_AFileThatIsNoCertificateIsRefused()
    {
        using var directory = new TempDirectory();
        using var key = System.Security.Cryptography.ECDsa.Create();
        using var ca = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Test CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        directory.Write("ca.pem", ca.ExportCertificatePem());
        directory.Write("other.pem", "not a certificate");
        var environment = directory.Environment(("STEWARD_TOKEN", "t"), ("STEWARD_CA", "other.pem"));

        var given = ConnectionResolver.Resolve(Nothing with { Ca = "ca.pem" }, environment);
        var none = ConnectionResolver.Resolve(Nothing, directory.Environment(("STEWARD_TOKEN", "t")));
        var fromVariable = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing, environment));
        var missing = Assert.Throws<AdminFailure>(() => ConnectionResolver.Resolve(Nothing with { Ca = "nothing.pem" }, environment));

        Assert.Equal(ca.ExportCertificatePem(), given.Ca);
        Assert.Null(none.Ca);
        Assert.Contains("STEWARD_CA", fromVariable.Message, StringComparison.Ordinal);
        Assert.Contains("holds no PEM certificate", fromVariable.Message, StringComparison.Ordinal);
        Assert.Contains("--ca: cannot read", missing.Message, StringComparison.Ordinal);
    }
}
