using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Steward.Packaging;
using Steward.Packaging.Archives;
using Steward.Policy.Versions;
using Steward.Protocol;
using Steward.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace Steward.Server.Tests.Packages;

/// <summary>
/// Damaged archives uploaded to a real server: each is a 400 problem document naming what is wrong (never a
/// 5xx), exactly when the archive check refuses it; nothing is left in <c>packages/incoming/</c> and no package
/// is added. Set STEWARD_FUZZ_SEED to replay a failure's seed (CsCheck prints it).
/// </summary>
public abstract class MalformedArchiveTests(ITestOutputHelper output) : ApiTest
{
    private const long Iterations = 150;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Steward:MaxPackageBytes"] = "4000000" };

    private string Incoming => Path.Combine(App.Data, "packages", "incoming");

    [Fact]
    public async Task DamagedArchives_AreProblemsNamingTheField_NothingLeftBehind()
    {
        var seed = Environment.GetEnvironmentVariable("STEWARD_FUZZ_SEED");
        output.WriteLine($"seed: {seed ?? "new (CsCheck prints it on failure)"}");

        await MalformedArchives.Any.SampleAsync(
            (_, bytes) => UploadAsync(bytes),
            writeLine: output.WriteLine,
            seed: seed,
            iter: Iterations,
            threads: 1,
            print: c => c.Item1);

        Assert.Empty((await Admin.GetFromJsonAsync(Routes.Packages, ProtocolJson.Default.IReadOnlyListPackageView))!);
        Assert.Empty(Directory.GetFiles(Path.Combine(App.Data, "packages"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task NullFile_CorruptDirectory_HugeSize_AreProblems()
    {
        // The three the outside probe found as 500s, named here so that a failure reads plainly.
        var nullFile = Zip("{\"format\":1,\"version\":\"2.00.1493.2000\",\"entryPoint\":\"a\",\"files\":[null]}");
        var corrupt = (byte[])MalformedArchives.Valid.Clone();
        corrupt[^30] ^= 0xff;
        var huge = Zip("{\"format\":1,\"version\":\"2.00.1493.2000\",\"entryPoint\":\"a\",\"files\":[{\"path\":\"a\",\"size\":9223372036854775807,\"sha256\":\""
            + new string('0', 64) + "\"}]}");

        await Expect.FieldErrorAsync(await Admin.PostPackageAsync(MalformedArchives.Version, nullFile), "manifest.files[0]");
        await Expect.FieldErrorAsync(await Admin.PostPackageAsync(MalformedArchives.Version, corrupt), "archive");
        await Expect.FieldErrorAsync(await Admin.PostPackageAsync(MalformedArchives.Version, huge), "manifest.files[0]");
        Assert.Empty(Directory.GetFiles(Incoming));
    }

    private async Task UploadAsync(byte[] bytes)
    {
        var expected = Check(bytes);
        var response = await Admin.PostPackageAsync(MalformedArchives.Version, bytes);
        if (expected is null)
        {
            // Some damage leaves a valid archive (a flipped byte in a timestamp): it is published; take it away again.
            await Expect.StatusAsync(HttpStatusCode.Created, response);
            await Expect.StatusAsync(HttpStatusCode.NoContent, await Admin.DeleteAsync($"{Routes.Packages}/{MalformedArchives.Version}"));
        }
        else
        {
            var messages = await Expect.FieldErrorAsync(response, expected);
            Assert.NotEmpty(messages);
        }

        Assert.Empty(Directory.GetFiles(Incoming));
    }

    // The field the archive check names, or null for an archive it accepts; any other exception fails the test.
    private static string? Check(byte[] bytes)
    {
        try
        {
            PackageArchive.Inspect(new MemoryStream(bytes), AgentVersion.Parse(MalformedArchives.Version));
            return null;
        }
        catch (PackageException e)
        {
            return e.Field;
        }
    }

    private static byte[] Zip(string manifest)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(PackageArchive.ManifestName).Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes(manifest));
        }

        return stream.ToArray();
    }
}

public sealed class MalformedArchiveOnSqlite(ITestOutputHelper output) : MalformedArchiveTests(output)
{
    protected override Engine Engine => Engine.Sqlite;
}

public sealed class MalformedArchiveOnPostgres(ITestOutputHelper output) : MalformedArchiveTests(output)
{
    protected override Engine Engine => Engine.Postgres;
}
