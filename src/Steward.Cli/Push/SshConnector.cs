using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Steward.Protocol.Admin;

namespace Steward.Cli.Push;

/// <summary>
/// Opens the SSH connections to a host: its host key checked against <see cref="KnownHosts"/> before anything is sent,
/// the user's key (<c>--identity</c>) offered. A host whose key is unknown (without <c>--accept-new</c>), changed or
/// revoked is left before authenticating, so nothing reaches it.
/// </summary>
internal sealed class SshConnector(KnownHosts knownHosts, bool acceptNew, string user, IReadOnlyList<string> identities, TimeSpan timeout)
{
    /// <summary>The connections, or the result word and detail that say why there are none.</summary>
    public async Task<(RemoteShell? Shell, string? Result, string? Detail)> ConnectAsync(HostSpec host, CancellationToken cancel)
    {
        PrivateKeyFile[] keys;
        try
        {
            keys = [.. identities.Select(i => new PrivateKeyFile(i))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException)
        {
            return (null, PushResults.AuthenticationRefused, $"the identity file could not be read: {e.Message}");
        }

        var refusal = (string?)null;
        var info = new ConnectionInfo(host.Host, host.Port, host.User ?? user, new PrivateKeyAuthenticationMethod(host.User ?? user, keys)) { Timeout = timeout };
        var ssh = new SshClient(info);
        var sftp = new SftpClient(info);
        ssh.HostKeyReceived += (_, e) => e.CanTrust = Trust(host, e, ref refusal);
        sftp.HostKeyReceived += (_, e) => e.CanTrust = Trust(host, e, ref refusal);
        try
        {
            await ssh.ConnectAsync(cancel).ConfigureAwait(false);
            await sftp.ConnectAsync(cancel).ConfigureAwait(false);
            return (new RemoteShell(ssh, sftp), null, null);
        }
        catch (SshAuthenticationException e)
        {
            Close(ssh, sftp);
            return (null, PushResults.AuthenticationRefused, $"{host.User ?? user}@{host.Host} refused the key: {e.Message}");
        }
        catch (Exception e) when (refusal is not null && e is SshException)
        {
            Close(ssh, sftp);
            return (null, PushResults.Unreachable, refusal);
        }
        catch (Exception e) when (e is SocketException or SshException or TimeoutException or ProxyException)
        {
            Close(ssh, sftp);
            return (null, PushResults.Unreachable, $"no SSH connection to {host.Host} port {host.Port}: {e.Message}");
        }
    }

    private bool Trust(HostSpec host, HostKeyEventArgs key, ref string? refusal)
    {
        var name = host.KnownHostsName;
        var verdict = knownHosts.Check(name, key.HostKeyName, key.HostKey);
        switch (verdict)
        {
            case HostKeyVerdict.Trusted:
                return true;
            case HostKeyVerdict.Unknown when acceptNew:
                knownHosts.Add(name, key.HostKeyName, key.HostKey);
                return true;
            case HostKeyVerdict.Unknown:
                refusal = $"its host key ({key.HostKeyName} SHA256:{key.FingerPrintSHA256}) is not in {knownHosts.Path}: check it and add it, or push with --accept-new to record it; nothing was sent";
                return false;
            case HostKeyVerdict.Revoked:
                refusal = $"its host key ({key.HostKeyName} SHA256:{key.FingerPrintSHA256}) is marked @revoked in {knownHosts.Path}; nothing was sent";
                return false;
            default:
                refusal = $"its host key ({key.HostKeyName} SHA256:{key.FingerPrintSHA256}) is not the one {knownHosts.Path} holds for {name}: "
                    + "the key changed or another computer answers in its place; nothing was sent";
                return false;
        }
    }

    private static void Close(SshClient ssh, SftpClient sftp)
    {
        sftp.Dispose();
        ssh.Dispose();
    }
}
