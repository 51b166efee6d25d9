namespace Steward.Policy.Parsing;

/// <summary>
/// The result of parsing text that a person wrote: either a value, or a message that names the
/// text and what is wrong with it, and the position (0-based, in characters) where it went wrong.
/// </summary>
/// <remarks>
/// Bad input is an expected outcome, not a broken contract, so parsers return this value instead of
/// throwing; <see cref="GetValueOrThrow"/> is there for callers that already validated the text.
/// </remarks>
/// <typeparam name="T">The parsed value's type.</typeparam>
public readonly struct ParseResult<T>
{
    private readonly T _value;

    private ParseResult(T value, string? error, int position)
    {
        _value = value;
        Error = error;
        Position = position;
    }

    /// <summary>True when the text was valid and <see cref="Value"/> holds the result.</summary>
    public bool Success => Error is null;

    /// <summary>The parsed value; reading it after a failure throws.</summary>
    public T Value => Error is null ? _value : throw new FormatException(Error);

    /// <summary>The message for a person: it quotes the text and says what is wrong; null on success.</summary>
    public string? Error { get; }

    /// <summary>Where in the text the problem starts (0-based), or -1 on success.</summary>
    public int Position { get; }

    /// <summary>A successful result.</summary>
    public static ParseResult<T> Ok(T value) => new(value, null, -1);

    /// <summary>A failed result with its message and position.</summary>
    public static ParseResult<T> Fail(string error, int position = 0) => new(default!, error, position);

    /// <summary>The value, or a <see cref="FormatException"/> with the message.</summary>
    public T GetValueOrThrow() => Value;
}
