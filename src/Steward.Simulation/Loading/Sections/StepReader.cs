using System.Globalization;
using Steward.Policy.Boundaries;
using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads the value and parameter of one step whose action is known, resolving every name it uses.</summary>
internal sealed class StepReader(SiteDirectory sites, LogonPointDirectory logonPoints, ClientDirectory clients, ProblemList problems)
{
    // The ids of the rollout steps read so far, with where each is declared: verbs name earlier ones only.
    private readonly Dictionary<string, SourcePosition> _rolloutIds = new(StringComparer.Ordinal);

    /// <summary>The step, or null when anything in it is wrong (all of it is reported).</summary>
    /// <param name="number">The step's number, from 1.</param>
    /// <param name="action">The action key.</param>
    /// <param name="value">The action key's value.</param>
    /// <param name="fields">The step's keys.</param>
    public ScenarioStep? Read(int number, string action, YamlNode value, MappingFields fields)
    {
        var at = fields.Mapping.At;
        switch (action)
        {
            case "logon":
            case "install":
            {
                var client = Client(number, action, value);
                var logonPoint = Parameter(number, action, fields, "at", "the logon point, for example at: DC1") is { } node
                    ? logonPoints.Reference(node, $"'at' of step {number}", problems)
                    : null;
                if (client is null || logonPoint is null)
                {
                    return null;
                }

                return action == "logon" ? new LogonStep(number, at, client, logonPoint) : new InstallStep(number, at, client, logonPoint);
            }

            case "maintenance":
                return Client(number, action, value) is { } maintained ? new MaintenanceStep(number, at, maintained) : null;

            case "siteVersion":
            {
                var site = Names(number, action, value, "a site code")
                    ? sites.Reference(value, $"'{action}' of step {number}", problems)
                    : null;
                var version = Parameter(number, action, fields, "version", "the site's new version, for example version: 2.00.1493.2000") is { } node
                    ? ValueReader.Version(node, $"'version' of step {number}", problems)
                    : null;
                return site is null || version is null ? null : new SiteVersionStep(number, at, site.Value, version.Value);
            }

            case "move":
            {
                var client = Client(number, action, value);
                var addresses = Parameter(number, action, fields, "addresses", "the computer's new addresses, for example addresses: [10.9.0.1]") is { } node
                    ? Addresses(number, node)
                    : null;
                return client is null || addresses is null ? null : new MoveStep(number, at, client, addresses);
            }

            case "travel":
            {
                var client = Client(number, action, value);
                var enabled = Parameter(number, action, fields, "enabled", "enabled: true or enabled: false") is { } node
                    ? ValueReader.Boolean(node, $"'enabled' of step {number}", problems)
                    : null;
                return client is null || enabled is null ? null : new TravelStep(number, at, client, enabled.Value);
            }

            case "logonAll":
                return Names(number, action, value, "a logon point") &&
                    logonPoints.Reference(value, $"'{action}' of step {number}", problems) is { } everyoneAt
                    ? new LogonAllStep(number, at, everyoneAt)
                    : null;

            case "maintenanceAll":
                if (value is YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" })
                {
                    return new MaintenanceAllStep(number, at);
                }

                // The value is a switch with one position: false would be a step that does nothing.
                problems.Add(value, $"'maintenanceAll' of step {number} must be true (every client runs one maintenance cycle), not {value.Describe()}; to skip the cycles, remove the step");
                return null;

            case "rollout":
                return Rollout(number, value, fields);

            case "advance":
            case "run":
                return ValueReader.Duration(value, $"'{action}' of step {number}", problems) is { } seconds
                    ? action == "run" ? new RunStep(number, at, seconds) : new AdvanceStep(number, at, seconds)
                    : null;

            case "promote":
            case "halt":
            case "resume":
            case "abort":
            case "rollback":
                return RolloutId(number, action, value) is { } id ? new RolloutVerbStep(number, at, action, id) : null;

            default:
                throw new InvalidOperationException($"'{action}' is not an action.");
        }
    }

    private RolloutStep? Rollout(int number, YamlNode value, MappingFields fields)
    {
        var site = Names(number, "rollout", value, "a site code")
            ? sites.Reference(value, $"'rollout' of step {number}", problems)
            : null;
        var version = Parameter(number, "rollout", fields, "version", "the version the rollout brings, for example version: 2.00.1493.2000") is { } versionNode
            ? ValueReader.Version(versionNode, $"'version' of step {number}", problems)
            : null;
        var ok = site is not null && version is not null;

        var id = "R" + number.ToString(CultureInfo.InvariantCulture);
        var idNode = fields.Optional("id");
        if (idNode is not null)
        {
            id = ValueReader.Text(idNode, $"'id' of step {number}", "a rollout id such as sp2", problems)!;
            ok &= id is not null;
        }

        if (id is not null && !_rolloutIds.TryAdd(id, (idNode ?? fields.Mapping).At))
        {
            problems.Add(idNode ?? fields.Mapping, $"rollout id '{id}' of step {number} is already used (at {_rolloutIds[id]}); rollout ids are unique{(idNode is null ? "; give this rollout an id" : "")}");
            ok = false;
        }

        List<string>? pilot = [];
        if (fields.Optional("pilot") is { } pilotNode)
        {
            var label = $"'pilot' of step {number}";
            pilot = ValueReader.ListOf(pilotNode, label, "client names such as [PC-1, PC-2]", n => clients.Reference(n, label, problems) is { } name ? new ClientName(name) : (ClientName?)null, problems)
                ?.Select(n => n.Name).Distinct(StringComparer.Ordinal).ToList();
            ok &= pilot is not null;
        }

        long window = 0;
        if (fields.Optional("window") is { } windowNode)
        {
            var read = ValueReader.Duration(windowNode, $"'window' of step {number}", problems);
            ok &= read is not null;
            window = read ?? 0;
        }

        var haltFailures = Policy.Rollouts.Rollout.DefaultHaltFailures;
        if (fields.Optional("haltFailures") is { } failuresNode)
        {
            var read = ValueReader.WholeNumber(failuresNode, $"'haltFailures' of step {number}", 0, int.MaxValue, problems);
            ok &= read is not null;
            haltFailures = read ?? 0;
        }

        var haltRate = Policy.Rollouts.Rollout.DefaultHaltRate;
        if (fields.Optional("haltRate") is { } rateNode)
        {
            var read = ValueReader.Rate(rateNode, $"'haltRate' of step {number}", problems);
            ok &= read is not null;
            haltRate = read ?? haltRate;
        }

        return ok ? new RolloutStep(number, fields.Mapping.At, site!.Value, version!.Value, id!, pilot!, window, haltFailures, haltRate) : null;
    }

    private string? RolloutId(int number, string action, YamlNode value)
    {
        if (!Names(number, action, value, "a rollout id") || ValueReader.Text(value, $"'{action}' of step {number}", "a rollout id such as sp2", problems) is not { } id)
        {
            return null;
        }

        if (!_rolloutIds.ContainsKey(id))
        {
            var known = _rolloutIds.Count == 0 ? "no rollout step comes before it" : $"earlier rollout steps have the ids {string.Join(", ", _rolloutIds.Keys)}";
            problems.Add(value, $"'{action}' of step {number} names rollout '{id}', but {known}; rollout ids are compared exactly");
            return null;
        }

        return id;
    }

    // A struct wrapper, so that a list of names can be read with ValueReader.ListOf.
    private readonly record struct ClientName(string Name);

    private string? Client(int number, string action, YamlNode value) =>
        Names(number, action, value, "a client")
            ? clients.Reference(value, $"'{action}' of step {number}", problems)
            : null;

    private List<NetworkAddress>? Addresses(int number, YamlNode node)
    {
        var label = $"'addresses' of step {number}";
        var addresses = ValueReader.ListOf(node, label, "addresses such as [10.9.0.1]", a => ValueReader.Address(a, label, problems), problems);
        if (addresses is { Count: 0 })
        {
            problems.Add(node, $"{label} is empty; a computer needs at least one address");
            return null;
        }

        return addresses;
    }

    // A step's action key with no value, or a blank one, names nothing: "- maintenance:" is the usual way.
    private bool Names(int number, string action, YamlNode value, string what)
    {
        if (value is YamlScalar scalar && string.IsNullOrWhiteSpace(scalar.Value))
        {
            problems.Add(value, $"step {number} names nothing: '{action}' needs {what}, for example {action}: {Example(action)}");
            return false;
        }

        return true;
    }

    private YamlNode? Parameter(int number, string action, MappingFields fields, string key, string explanation)
    {
        if (fields.Get(key) is { } value)
        {
            return value;
        }

        problems.Add(fields.Mapping, $"step {number}: a {action} step needs '{key}', {explanation}");
        return null;
    }

    private static string Example(string action) => action switch
    {
        "siteVersion" or "rollout" => "A01",
        "promote" or "halt" or "resume" or "abort" or "rollback" => "sp2",
        "logonAll" => "DC1",
        _ => "PC-OLD",
    };
}
