using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Steward.Agent.Flows;

/// <summary>The computer's own network addresses, as sent to logon and access points (the server ignores those that identify nothing).</summary>
internal static class LocalAddresses
{
    /// <summary>The given addresses when there are any (a configured override), else the addresses of the interfaces that are up.</summary>
    public static IReadOnlyList<string> Get(IReadOnlyList<string>? configured)
    {
        if (configured is { Count: > 0 })
        {
            return configured;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Select(a => a.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
