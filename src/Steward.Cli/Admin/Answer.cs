namespace Steward.Cli.Admin;

/// <summary>A successful answer: the document read, and its bytes exactly as the server sent them (what <c>--json</c> prints).</summary>
/// <typeparam name="T">The document's type.</typeparam>
/// <param name="Value">The document.</param>
/// <param name="Body">The body as sent.</param>
internal sealed record Answer<T>(T Value, byte[] Body);
