using System.Globalization;
using Steward.Policy.Parsing;

namespace Steward.Policy.Rollouts;

/// <summary>
/// A rate from 0 to 1 exactly as written in decimal (<c>0.05</c>): a whole numerator over a power of
/// ten. Every comparison with it is done in integers, so that a threshold written as 0.05 means
/// 0.05 and not the nearest binary fraction (a floating-point rate test halts one failure late at
/// some thresholds: 0.07 × 100 is 7.000000000000001 in binary).
/// </summary>
public readonly struct Rate : IEquatable<Rate>
{
    /// <summary>The most digits after the decimal point: 10^18 × 2^64 still fits in 128 bits.</summary>
    public const int MaxDecimals = 18;

    private Rate(ulong numerator, int decimals)
    {
        Numerator = numerator;
        Decimals = decimals;
    }

    /// <summary>The rate 0.</summary>
    public static Rate Zero => default;

    /// <summary>The digits of the rate without its point: 5 for 0.05.</summary>
    public ulong Numerator { get; }

    /// <summary>How many digits follow the point: 2 for 0.05; the denominator is 10 to this power.</summary>
    public int Decimals { get; }

    /// <summary>10 to the power <see cref="Decimals"/>.</summary>
    public ulong Denominator => Pow10(Decimals);

    /// <summary>
    /// Parses a plain decimal numeral from 0 to 1: digits, optionally a point and up to
    /// <see cref="MaxDecimals"/> digits (<c>0</c>, <c>1</c>, <c>0.05</c>, <c>.5</c> is refused, as are signs and exponents).
    /// </summary>
    public static ParseResult<Rate> Parse(ReadOnlySpan<char> text)
    {
        var shown = text.ToString();
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9') || (point >= 0 && fraction.IsEmpty))
        {
            return ParseResult<Rate>.Fail($"'{shown}' is not a rate: write a plain decimal number from 0 to 1, such as 0.05");
        }

        // Trailing zeros of the fraction say nothing: 0.050 is 0.05.
        fraction = fraction.TrimEnd('0');
        if (fraction.Length > MaxDecimals)
        {
            return ParseResult<Rate>.Fail($"'{shown}' has more than {MaxDecimals} digits after the point");
        }

        whole = whole.TrimStart('0');
        if (whole.Length > 1 || (whole.Length == 1 && (whole[0] != '1' || !fraction.IsEmpty)))
        {
            return ParseResult<Rate>.Fail($"'{shown}' is above 1; a rate is from 0 to 1");
        }

        var numerator = whole.Length == 1 ? Pow10(fraction.Length) : fraction.IsEmpty ? 0 : ulong.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        return ParseResult<Rate>.Ok(new Rate(numerator, fraction.Length));
    }

    /// <summary>Parses text known to be valid.</summary>
    public static Rate ParseExact(string text) => Parse(text).GetValueOrThrow();

    /// <summary>True when <c>n / 2^64 &lt; rate</c>, that is <c>n × 10^d &lt; numerator × 2^64</c>, exactly.</summary>
    public bool IsAbove(ulong n) => (UInt128)n * Denominator < (UInt128)Numerator << 64;

    /// <summary>True when <c>part ≥ rate × whole</c>, exactly: <c>part × 10^d ≥ numerator × whole</c>.</summary>
    public bool IsReachedBy(long part, long whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return (UInt128)(ulong)part * Denominator >= (UInt128)Numerator * (ulong)whole;
    }

    /// <summary>The rate as a percentage for people: <c>5 %</c>, <c>7.5 %</c>.</summary>
    public string ToPercent() => Percent(Numerator, Denominator);

    /// <summary>A share as a percentage for people, to at most two decimals: <c>7.5 %</c>.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole == 0 ? "0 %" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(part * 100m / whole, 2, MidpointRounding.ToZero):0.##} %");

    /// <summary>The rate as a decimal numeral: <c>0.05</c>.</summary>
    public override string ToString() =>
        Decimals == 0 ? Numerator.ToString(CultureInfo.InvariantCulture) : "0." + Numerator.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0');

    /// <inheritdoc/>
    public bool Equals(Rate other) => (UInt128)Numerator * other.Denominator == (UInt128)other.Numerator * Denominator;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Equal as numbers.</summary>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Not equal as numbers.</summary>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);

    private static ulong Pow10(int exponent)
    {
        var value = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
