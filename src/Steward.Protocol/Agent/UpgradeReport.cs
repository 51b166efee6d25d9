namespace Steward.Protocol.Agent;

/// <summary>What an agent reports after carrying out a decision that delivered a package.</summary>
/// <param name="Version">The version it tried to install.</param>
/// <param name="Succeeded">True when the new version passed its health check and runs.</param>
/// <param name="Message">In words: what happened (why it was refused or rolled back).</param>
/// <param name="Running">The version running now.</param>
/// <param name="Attempt">The attempt id of the offer it carried out (<see cref="PackageOffer.Attempt"/>), or null when the offer had none.</param>
public sealed record UpgradeReport(string? Version, bool Succeeded, string? Message, string? Running, string? Attempt = null);
