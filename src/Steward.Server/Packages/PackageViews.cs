using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Packages;

/// <summary>Package rows as the API shows them.</summary>
internal static class PackageViews
{
    public static PackageView Of(PackageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PackageView(row.Version, row.Sha256, row.Size, row.EntryPoint, (int)row.Files, DateTimeOffset.FromUnixTimeMilliseconds(row.PublishedAt), row.PublishedBy);
    }
}
