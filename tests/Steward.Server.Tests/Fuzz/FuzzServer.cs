using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Server.Tests.Hosting;

namespace Steward.Server.Tests.Fuzz;

/// <summary>
/// A real server on Kestrel with a small hierarchy (a package, site A01, logon point DC1, one enrolled
/// client) and the operations its own OpenAPI document lists; shared by the fuzz tests of a class.
/// </summary>
public sealed class FuzzServer : IAsyncLifetime
{
    public const string Version = "2.00.1493.2000";
    public const string Site = "A01";
    public const string LogonPoint = "DC1";

    private KestrelApp? _app;

    public KestrelApp App => _app ?? throw new InvalidOperationException("The server has not started.");

    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    public string EnrollmentSecret { get; private set; } = "";

    public AuthenticationHeaderValue ClientAuthenticator { get; private set; } = new("Basic", "");

    public string ClientId { get; private set; } = "";

    public string PackageSha256 { get; private set; } = "";

    /// <summary>A well-formed package archive of <see cref="Version"/>: the upload endpoint gets only broken framings and headers of it.</summary>
    public byte[] Archive { get; } = Hosting.Packages.Archive(Version);

    public async Task InitializeAsync()
    {
        _app = await KestrelApp.StartAsync();
        using var admin = App.Admin();
        PackageSha256 = (await admin.PublishAsync(Version)).Sha256;
        await admin.AddSiteAsync(Site, Version, "10.0.0.0/8");
        EnrollmentSecret = await admin.AddLogonPointAsync(LogonPoint, [Site]);
        using var anonymous = App.Client();
        var enrollment = (await anonymous.LogonAsync(LogonPoint, EnrollmentSecret, "PC-FUZZ", ["10.1.2.3"])).Enrollment!;
        ClientId = enrollment.ClientId;
        ClientAuthenticator = AgentApi.Basic(enrollment);
        using var document = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        Operations = ApiOperation.Read(document);
        await WarmUpAsync();
    }

    // One well-formed request to each operation first, so that the first hostile request to it is not also
    // the one that compiles its code: the 2 s bound is for answering, not for starting up. DELETE names
    // nothing that exists, to leave the hierarchy in place.
    private async Task WarmUpAsync()
    {
        foreach (var operation in Operations)
        {
            var path = operation.Template;
            foreach (var name in operation.PathParameters)
            {
                path = path.Replace($"{{{name}}}", operation.Method == "DELETE" ? "ZZZ" : Known(name), StringComparison.Ordinal);
            }

            var body = operation.BodyType switch
            {
                null => [],
                "application/zip" => Archive,
                _ => System.Text.Encoding.UTF8.GetBytes(Examples.For(operation, this).ToJsonString()),
            };
            var credential = HostileInput.IsAgents(operation) ? Credential.Client : Credential.Admin;
            var request = new FuzzRequest(operation, operation.Method, credential, path, "", operation.BodyType, body, body.Length == 0 ? Framing.None : Framing.ContentLength);
            await using var connection = await RawConnection.OpenAsync(App.Address);
            await connection.SendAsync(request.Bytes(this));
            await connection.ReadResponseAsync();
        }
    }

    private string Known(string parameter) => parameter switch
    {
        "code" or "site" => Site,
        "name" => LogonPoint,
        "version" => Version,
        "id" => ClientId,
        "sha256" => PackageSha256,
        _ => "x",
    };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
