using Steward.Policy.Rollouts;

namespace Steward.Policy.Tests.Rollouts;

/// <summary>docs/RULES.md section 4, "Exact arithmetic": h, floor(X × h), h &lt; r and the rate test, all exact.</summary>
public class ArithmeticTests
{
    [Theory]
    [InlineData("sp2/PC-1", 3047955441140556133UL)]
    [InlineData("cycle/WS000001", 14555427944686288194UL)]
    [InlineData("", 16406829232824261652UL)]
    public void Hash_IsTheFirstEightBytesOfSha256_BigEndian(string text, ulong expected)
    {
        // Expected values from Python: int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], 'big').
        Assert.Equal(expected, RolloutHash.Of(text));
    }

    [Fact]
    public void ClientHash_IsTheHashOfIdSlashKey_WithoutJoiningStrings()
    {
        Assert.Equal(RolloutHash.Of("sp2/PC-1"), RolloutHash.OfClient("sp2", "PC-1"));
        Assert.Equal(RolloutHash.Of("fail/PC-1"), RolloutHash.Of("fail/", "PC-1", []));
    }

    [Fact]
    public void Hash_OfNonAsciiText_UsesUtf8()
    {
        // "é" is two bytes in UTF-8; SHA-256 of c3 a9, first 8 bytes big-endian.
        Assert.Equal(5375421630974772051UL, RolloutHash.Of("é"));
        Assert.NotEqual(RolloutHash.Of("e"), RolloutHash.Of("é"));
    }

    [Fact]
    public void Scale_IsFloorOfXTimesNOver2To64_Exactly()
    {
        Assert.Equal(0, RolloutHash.Scale(259_200, 0));
        Assert.Equal(259_199, RolloutHash.Scale(259_200, ulong.MaxValue));
        Assert.Equal(129_600, RolloutHash.Scale(259_200, 1UL << 63));
        // 3 × (2^64 / 3 rounded down) / 2^64 is just under 1: the floor is 0, where a double would say 1.
        Assert.Equal(0, RolloutHash.Scale(3, ulong.MaxValue / 3));
        Assert.Equal(1.0, 3 * ((double)(ulong.MaxValue / 3) / Math.Pow(2, 64)));
    }

    [Fact]
    public void Rate_IsAbove_ComparesNWithRTimes2To64()
    {
        var half = Rate.ParseExact("0.5");
        Assert.True(half.IsAbove((1UL << 63) - 1));
        Assert.False(half.IsAbove(1UL << 63));
        Assert.False(Rate.ParseExact("0").IsAbove(0));
        Assert.True(Rate.ParseExact("1").IsAbove(ulong.MaxValue));
    }

    [Fact]
    public void RateTest_AtTheExactThreshold_Halts_WhereFloatingPointWouldNot()
    {
        // 7 failures of 100 attempts at haltRate 0.07: 7 ≥ 0.07 × 100 exactly. In binary floating point
        // 0.07 × 100 is 7.000000000000001, so a double test would wait for one more failure.
        var rate = Rate.ParseExact("0.07");
        Assert.True(rate.IsReachedBy(7, 100));
        Assert.False(7 >= 0.07 * 100);
        Assert.False(rate.IsReachedBy(6, 100));
    }

    [Theory]
    [InlineData("0.05", 5UL, 2)]
    [InlineData("0.050", 5UL, 2)]
    [InlineData("1", 1UL, 0)]
    [InlineData("1.0", 1UL, 0)]
    [InlineData("0", 0UL, 0)]
    [InlineData("00.25", 25UL, 2)]
    public void Rate_ParsesPlainDecimals(string text, ulong numerator, int decimals)
    {
        var rate = Rate.ParseExact(text);
        Assert.Equal(numerator, rate.Numerator);
        Assert.Equal(decimals, rate.Decimals);
    }

    [Theory]
    [InlineData("5e-2")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("2")]
    [InlineData(".5")]
    [InlineData("0.")]
    [InlineData("")]
    [InlineData("0.1234567890123456789")]
    [InlineData(" 0.1")]
    public void Rate_RefusesAnythingElse(string text)
    {
        var result = Rate.Parse(text);
        Assert.False(result.Success);
        Assert.Contains(text.Trim().Length == 0 ? "" : text.Trim(), result.Error!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("90m", 5_400L)]
    [InlineData("36h", 129_600L)]
    [InlineData("2d", 172_800L)]
    [InlineData("1d12h", 129_600L)]
    [InlineData("45s", 45L)]
    [InlineData("0d0h0m0s", 0L)]
    [InlineData("1d2h3m4s", 93_784L)]
    public void Duration_Parses(string text, long seconds) => Assert.Equal(seconds, Duration.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("12h1d")]
    [InlineData("1h1h")]
    [InlineData("1w")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData("1 d")]
    [InlineData("1D")]
    [InlineData("36526d")]
    [InlineData("99999999999999999999s")]
    [InlineData("h")]
    public void Duration_RefusesAnythingElse(string text) => Assert.False(Duration.Parse(text).Success, text);

    [Fact]
    public void Duration_OfExactlyHundredYears_IsAccepted() => Assert.Equal(Duration.MaxSeconds, Duration.Parse("36525d").Value);

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(93_784L, "1d2h3m4s")]
    [InlineData(3_600L, "1h")]
    public void Duration_Formats(long seconds, string text) => Assert.Equal(text, Duration.Format(seconds));

    [Fact]
    public void Moments_AreDurationsInAScenario_AndUtcDatesOnAServer()
    {
        Assert.Equal("t = 1d2h20m", Moments.Format(94_800, TimeStyle.Scenario));
        Assert.Equal("2026-12-05 14:20 UTC", Moments.Format(new DateTimeOffset(2026, 12, 5, 14, 20, 0, TimeSpan.Zero).ToUnixTimeSeconds(), TimeStyle.Utc));
    }
}

/// <summary>The one-block SHA-256 behind <see cref="RolloutHash"/> agrees with the platform's SHA-256.</summary>
public class HashProperties
{
    [Fact]
    public void Hash_AgreesWithThePlatformsSha256_ForTextsOfEveryLength() =>
        Gen.String[Gen.Char, 0, 80].Sample(
            text =>
            {
                var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
                Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest), RolloutHash.Of(text));
            },
            iter: 20_000);
}
