using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Http;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Agents.Cycles;

/// <summary>What an agent reports of carrying out a decision that delivered a package, checked.</summary>
/// <param name="Version">The version it tried to install.</param>
/// <param name="Succeeded">Whether the new version runs.</param>
/// <param name="Message">In words, cut to <see cref="MaxMessage"/> characters.</param>
/// <param name="Running">The version running now, when it said.</param>
/// <param name="Attempt">The attempt id of the offer it carried out, when the offer had one.</param>
internal sealed record UpgradeReportInput(AgentVersion Version, bool Succeeded, string Message, AgentVersion? Running, string? Attempt = null)
{
    public const int MaxMessage = 2000;

    /// <summary>The longest attempt id taken (the server's are UUIDs, 36 characters).</summary>
    public const int MaxAttempt = 64;

    /// <summary>
    /// The report checked, or null (absent, or refused into <paramref name="errors"/>). It is the body itself
    /// (<paramref name="prefix"/> null: <c>version</c>) or a member of it (<c>lastUpgrade.version</c>).
    /// </summary>
    public static UpgradeReportInput? Read(UpgradeReport? report, string? prefix, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (report is null)
        {
            return null;
        }

        var field = prefix is null ? "" : prefix + ".";
        var version = AgentVersion.TryParse(report.Version ?? "");
        if (!version.Success)
        {
            errors.Add($"{field}version", version.Error!);
            return null;
        }

        var running = AgentInput.Version(report.Running, $"{field}running", errors);
        if (report.Attempt is { } attempt && (attempt.Length == 0 || attempt.Length > MaxAttempt))
        {
            errors.Add($"{field}attempt", $"an attempt id is the text of the offer's 'attempt' (1 to {MaxAttempt} characters), not {attempt.Length} characters");
            return null;
        }

        var message = report.Message ?? "";
        return new UpgradeReportInput(version.Value, report.Succeeded, message.Length > MaxMessage ? message[..MaxMessage] : message, running, report.Attempt);
    }

    /// <summary>The client's row with this report recorded at <paramref name="now"/>; the installed version follows what runs.</summary>
    public ClientRow ApplyTo(ClientRow client, long now)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client with
        {
            UpgradeVersion = Version,
            UpgradeSucceeded = Succeeded,
            UpgradeMessage = Message,
            UpgradeAt = now,
            Installed = Running ?? client.Installed,
        };
    }
}
