using System.Net;
using System.Net.Sockets;

namespace Steward.Cli.Tests;

/// <summary>A loopback TCP port that nothing listened on a moment ago.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
