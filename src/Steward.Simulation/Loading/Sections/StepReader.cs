using Steward.Policy.Boundaries;
using Steward.Simulation.Loading.Names;
using Steward.Simulation.Loading.Reading;
using Steward.Simulation.Loading.Yaml;
using Steward.Simulation.Model;

namespace Steward.Simulation.Loading.Sections;

/// <summary>Reads the value and parameter of one step whose action is known, resolving every name it uses.</summary>
internal sealed class StepReader(SiteDirectory sites, LogonPointDirectory logonPoints, ClientDirectory clients, ProblemList problems)
{
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

            default:
                throw new InvalidOperationException($"'{action}' is not an action.");
        }
    }

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
        "siteVersion" => "A01",
        "logonAll" => "DC1",
        _ => "PC-OLD",
    };
}
