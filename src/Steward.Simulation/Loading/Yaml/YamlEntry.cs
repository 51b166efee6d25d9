namespace Steward.Simulation.Loading.Yaml;

/// <summary>One key and its value in a <see cref="YamlMapping"/>.</summary>
/// <param name="Key">The key node; a scenario's keys are scalars, anything else is reported.</param>
/// <param name="Value">The value node.</param>
internal readonly record struct YamlEntry(YamlNode Key, YamlNode Value);
