using System.Net;
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
            .Select(Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The address as the server reads it: without an IPv6 zone (<c>fe80::1%4</c> is <c>fe80::1</c>), which names an
    /// interface of this computer, not a network, and which the server refuses.
    /// </summary>
    public static string Text(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes()).ToString()
            : address.ToString();
    }
}
