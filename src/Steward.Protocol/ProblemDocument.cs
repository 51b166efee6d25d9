namespace Steward.Protocol;

/// <summary>An RFC 7807 problem document, as clients read it.</summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What was wrong, for people.</param>
/// <param name="Errors">For invalid input: the messages per field (JSON name).</param>
public sealed record ProblemDocument(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
