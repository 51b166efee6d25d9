using System.Net;
using Steward.Policy.Boundaries;
using Steward.Policy.Decisions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;
using Steward.Protocol.Agent;
using Steward.Server.Http;

namespace Steward.Server.Agents.Logons;

/// <summary>A logon point's request, checked once, field by field (the credentials are the body's, not HTTP's).</summary>
internal sealed class LogonInput
{
    public const int MaxComputerName = 255;

    /// <summary>The logon point's name (the path's <c>{name}</c>).</summary>
    public required string Point { get; init; }

    /// <summary>The logon point's enrollment secret as sent ("" when absent: refused like a wrong one).</summary>
    public required string EnrollmentSecret { get; init; }

    /// <summary>Logon bootstrap or manual install.</summary>
    public required Trigger Trigger { get; init; }

    /// <summary>The computer's name, trimmed.</summary>
    public required string Computer { get; init; }

    public required NetworkAddress[] Addresses { get; init; }

    /// <summary>The version the computer runs, or null (no agent yet).</summary>
    public AgentVersion? Installed { get; init; }

    /// <summary>The version as the agent spelled it: a signed offer repeats it word for word.</summary>
    public string? InstalledText { get; init; }

    /// <summary>An enrolled agent's id and secret, or null for a new computer.</summary>
    public (string Id, string Secret)? Client { get; init; }

    public string? Nonce { get; init; }

    public string? PinnedKey { get; init; }

    /// <summary>The server's address for the answer's access point links.</summary>
    public required string Origin { get; init; }

    /// <summary>Where the request came from: refusals of computers that stay unenrolled are limited per source (decision 0011).</summary>
    public IPAddress? Source { get; init; }

    /// <summary>The request checked, or null with every problem in <paramref name="errors"/>.</summary>
    public static LogonInput? Read(string point, LogonRequest request, string origin, IPAddress? source, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var trigger = request.Trigger switch
        {
            null or "logon" => Trigger.Logon,
            "install" => Trigger.ManualInstall,
            _ => (Trigger?)null,
        };
        if (trigger is null)
        {
            errors.Add("trigger", $"'{request.Trigger}' is not a trigger: use logon or install");
        }

        var computer = request.ComputerName?.Trim();
        if (string.IsNullOrEmpty(computer) || computer.Length > MaxComputerName || VisibleName.Problem(computer) is not null)
        {
            errors.Add("computerName", $"required: the computer's name, 1 to {MaxComputerName} characters without control or format characters");
        }

        var addresses = AgentInput.Addresses(request.Addresses, errors);
        var installed = AgentInput.Version(request.Installed, "installed", errors);
        if ((request.ClientId is null) != (request.ClientSecret is null))
        {
            errors.Add("clientId", "clientId and clientSecret go together: send both (an enrolled agent) or neither (a new computer)");
        }

        AgentInput.Signing(request.Nonce, request.PinnedKey, errors);
        if (request.ClientId is not null && installed is null)
        {
            errors.Add("installed", "required with clientId: the version the agent runs");
        }

        return errors.Any
            ? null
            : new LogonInput
            {
                Point = point,
                EnrollmentSecret = request.EnrollmentSecret ?? "",
                Trigger = trigger!.Value,
                Computer = computer!,
                Addresses = addresses,
                Installed = installed,
                InstalledText = request.Installed,
                Client = request.ClientId is { } id ? (id, request.ClientSecret!) : null,
                Nonce = request.Nonce,
                PinnedKey = request.PinnedKey,
                Origin = origin,
                Source = source,
            };
    }
}
