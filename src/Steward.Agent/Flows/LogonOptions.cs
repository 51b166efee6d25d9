namespace Steward.Agent.Flows;

/// <summary>What <c>logon</c> and <c>install</c> were asked to do.</summary>
/// <param name="LogonPoint">The logon point's address (<c>http://server:5180/v1/logon/DC1</c>).</param>
/// <param name="Secret">The logon point's enrollment secret.</param>
/// <param name="Trigger"><c>logon</c> (a logon script) or <c>install</c> (a person).</param>
/// <param name="ComputerName">The name to enroll with, or null for the computer's own.</param>
/// <param name="Addresses">Addresses to present instead of the discovered ones (kept for later cycles), or empty.</param>
/// <param name="ServerKey">The server key to pin instead of trusting the first answer, or null.</param>
/// <param name="Json">Print JSON instead of words.</param>
/// <param name="Ca">The private CA (PEM text) to trust for the server instead of the computer's store, kept in the state; or null.</param>
internal sealed record LogonOptions(Uri LogonPoint, string Secret, string Trigger, string? ComputerName, IReadOnlyList<string> Addresses, string? ServerKey, bool Json, string? Ca = null);
