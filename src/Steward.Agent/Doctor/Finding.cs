namespace Steward.Agent.Doctor;

/// <summary>One check of <c>steward-agent doctor</c>.</summary>
/// <param name="Check">What was checked: <c>pointer</c>, <c>files VERSION</c>, <c>program</c>, <c>state</c>, <c>key</c>, <c>service</c>, <c>last-cycle</c>.</param>
/// <param name="Ok">False when it found a problem.</param>
/// <param name="Detail">What it found, in words.</param>
internal sealed record Finding(string Check, bool Ok, string Detail);
