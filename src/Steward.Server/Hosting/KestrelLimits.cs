using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Steward.Server.Hosting;

/// <summary>Kestrel's limits from the server's settings: small JSON bodies everywhere, packages raise their own limit.</summary>
internal sealed class KestrelLimits(ServerOptions options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
    }
}
