namespace Steward.Agent.Update;

/// <summary>
/// The steps of a self-update, each announced on standard error as <c>update: STEP VERSION: words</c>
/// before it begins, so an operator can tell where an interrupted update stopped.
/// </summary>
internal static class UpdateSteps
{
    /// <summary>The archive is being downloaded (or resumed).</summary>
    public const string Download = "download";

    /// <summary>The archive has the signed size and SHA-256; extraction comes next.</summary>
    public const string Verified = "verified";

    /// <summary>The archive is being extracted into staging, each file checked against the manifest.</summary>
    public const string Extract = "extract";

    /// <summary>The new version's directory is in place; its health check runs.</summary>
    public const string HealthCheck = "health-check";

    /// <summary>The version passed; the pointer is about to be switched.</summary>
    public const string Switch = "switch";

    /// <summary>The pointer names the new version.</summary>
    public const string Switched = "switched";
}
