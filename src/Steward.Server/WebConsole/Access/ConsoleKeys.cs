using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Steward.Server.Hosting;
using Steward.Server.Security;

namespace Steward.Server.WebConsole.Access;

/// <summary>
/// Keeps the keys that seal the console's cookies (ASP.NET Core data protection) in <c>&lt;data&gt;/console-keys</c>,
/// readable by the server's user alone, so that a restart does not sign everyone out. Servers that share one
/// PostgreSQL database behind a balancer share this directory too (or the balancer keeps a browser on one server).
/// </summary>
internal sealed class ConsoleKeys(ServerOptions server, ILoggerFactory logs) : IConfigureOptions<KeyManagementOptions>
{
    public const string Directory = "console-keys";

    public void Configure(KeyManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(server.DataPath, Directory);
        OwnerOnly.CreateDirectory(path);
        options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(path), logs);
    }
}
