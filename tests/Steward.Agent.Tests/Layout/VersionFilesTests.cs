using System.Net.Sockets;
using Steward.Agent.Layout;
using Steward.Agent.Tests.Infrastructure;
using Steward.Protocol.Packages;

namespace Steward.Agent.Tests.Layout;

/// <summary>Checking a version's files against its manifest says what is wrong in words, whatever is in a file's place.</summary>
public sealed class VersionFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new("steward-version-files");

    [Fact]
    public void AFileThatCannotBeOpened_IsAProblemInWords_NotAnException()
    {
        // A socket where the program belongs: it exists, and opening it fails (as root too, unlike file modes).
        var path = _temp.Combine("steward-agent");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var problems = VersionFiles.Problems(_temp.Path, [new PackageFile("steward-agent", 5, new string('0', 64), Executable: true)]);

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path} cannot be read: ", problem, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
