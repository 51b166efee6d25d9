namespace Steward.Server.Storage.Rows;

/// <summary>A row of <c>packages</c>.</summary>
internal sealed class PackageRow
{
    public string Version { get; init; } = "";

    public string Sha256 { get; init; } = "";

    public long Size { get; init; }

    public string EntryPoint { get; init; } = "";

    public long Files { get; init; }

    /// <summary>The signed manifest bytes, base64.</summary>
    public string Manifest { get; init; } = "";

    public string Signature { get; init; } = "";

    /// <summary>The number of the signing key that made <see cref="Signature"/>.</summary>
    public long SignedBy { get; init; } = 1;

    public long PublishedAt { get; init; }

    public string PublishedBy { get; init; } = "";
}
