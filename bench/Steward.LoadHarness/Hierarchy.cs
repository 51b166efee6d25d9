using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Protocol.Admin;

namespace Steward.LoadHarness;

/// <summary>Publishes the package, creates the site and the logon point through the admin API.</summary>
public static class Hierarchy
{
    /// <summary>Returns the logon point's enrollment secret.</summary>
    public static async Task<string> CreateAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            await PublishAsync(http, cancellationToken).ConfigureAwait(false);
            var site = new SiteRequest(BenchFleet.Site, "load harness", BenchFleet.Version, [BenchFleet.Boundary]);
            using (var created = await http.PostAsJsonAsync(Routes.Sites, site, ProtocolJson.Default.SiteRequest, cancellationToken).ConfigureAwait(false))
            {
                await ExpectAsync(created, HttpStatusCode.Created, "creating the site", cancellationToken).ConfigureAwait(false);
            }

            var request = new LogonPointRequest(BenchFleet.LogonPoint, [BenchFleet.Site], null, null);
            using var point = await http.PostAsJsonAsync(Routes.LogonPoints, request, ProtocolJson.Default.LogonPointRequest, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(point, HttpStatusCode.Created, "creating the logon point", cancellationToken).ConfigureAwait(false);
            var view = await point.Content.ReadFromJsonAsync(ProtocolJson.Default.LogonPointView, cancellationToken).ConfigureAwait(false);
            return view?.EnrollmentSecret ?? throw new HarnessException("the logon point's answer holds no enrollment secret");
        }
        finally
        {
            // The agent endpoints authenticate by themselves; no admin token goes with them.
            http.DefaultRequestHeaders.Authorization = null;
        }
    }

    // An archive of one file named steward-agent, built in a temporary directory that is removed after.
    private static async Task PublishAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("steward-load-package-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "steward-agent"), "#!/bin/sh\necho load harness agent\n", cancellationToken).ConfigureAwait(false);
            using var archive = new MemoryStream();
            PackageArchive.Build(directory.FullName, AgentVersion.Parse(BenchFleet.Version), "steward-agent", archive);
            using var content = new ByteArrayContent(archive.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            using var published = await http.PostAsync(new Uri($"{Routes.Packages}?version={BenchFleet.Version}", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            await ExpectAsync(published, HttpStatusCode.Created, "publishing the package", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HarnessException($"{what}: {(int)response.StatusCode} {response.StatusCode} (expected {(int)expected}): {body}");
        }
    }
}
