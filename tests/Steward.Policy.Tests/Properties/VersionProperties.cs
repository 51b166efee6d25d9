using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Steward.Policy.Sites;
using Steward.Policy.Versions;

namespace Steward.Policy.Tests.Properties;

public partial class VersionProperties
{
    private const long Iterations = 20_000;

    [GeneratedRegex(@"^\d+\.\d{2,}\.\d{4,}\.\d{4,}$")]
    private static partial Regex CanonicalShape();

    private static (int, int, int, int) Fields(AgentVersion v) => (v.Major, v.Minor, v.Build, v.Revision);

    private static (int, int, int, int) LineOf(AgentVersion v) => (v.Major, v.Minor, v.Build, v.Revision / 1000);

    private static string Canonical(AgentVersion v) =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor:00}.{v.Build:0000}.{v.Revision:0000}");

    [Fact]
    public void Parse_OfPrint_IsTheSameVersion()
    {
        VersionGen.Any.Sample(v =>
        {
            var printed = v.ToString();

            Assert.Matches(CanonicalShape(), printed);
            Assert.Equal(Canonical(v), printed);
            Assert.Equal(v, AgentVersion.Parse(printed));
        }, iter: Iterations);
    }

    [Fact]
    public void Print_OfParse_IsCanonical_WhateverTheLeadingZeros()
    {
        var gen =
            from v in VersionGen.Any
            from zeros in Gen.Int[0, 3].Array[4]
            select (v, string.Join('.', new[] { v.Major, v.Minor, v.Build, v.Revision }.Select((f, i) => new string('0', zeros[i]) + f.ToString(CultureInfo.InvariantCulture))));

        gen.Sample((v, text) =>
        {
            var parsed = AgentVersion.Parse(text);

            Assert.Equal(v, parsed);
            Assert.Equal(Canonical(v), parsed.ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void Parse_AcceptsExactlyFourDotSeparatedDecimalFieldsUpTo65535()
    {
        // Strings of digits, dots and a few stray characters, plus one-character mutations of valid versions.
        var noise = Gen.Char["0123456789.....+- a"].Array[0, 24].Select(chars => new string(chars));
        var mutated =
            from v in VersionGen.Any
            let text = v.ToString()
            from at in Gen.Int[0, text.Length - 1]
            from c in Gen.Char["0.9 -x6"]
            from how in Gen.Int[0, 2]
            select how switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, c.ToString()),
                _ => text.Remove(at, 1).Insert(at, c.ToString()),
            };

        Gen.Frequency((1, noise), (1, mutated)).Sample(text =>
        {
            var fields = text.Split('.');
            var valid = fields.Length == 4 && fields.All(f => f.Length > 0 && f.All(char.IsAsciiDigit) && BigInteger.Parse(f, CultureInfo.InvariantCulture) <= ushort.MaxValue);
            var result = AgentVersion.TryParse(text);

            Assert.Equal(valid, result.Success);
            if (valid)
            {
                var expected = fields.Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal((expected[0], expected[1], expected[2], expected[3]), Fields(result.Value));
            }
            else
            {
                Assert.Contains($"'{text}' is not a version: ", result.Error, StringComparison.Ordinal);
                Assert.InRange(result.Position, 0, text.Length);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Ordering_IsTheOrderOfTheFourFields()
    {
        Gen.Select(VersionGen.Mixed, VersionGen.Mixed).Sample((a, b) =>
        {
            var expected = Fields(a).CompareTo(Fields(b));

            Assert.Equal(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
            Assert.Equal(expected < 0, a < b);
            Assert.Equal(expected == 0, a == b);
            Assert.Equal(expected == 0, a.Equals(b));
            Assert.Equal(expected > 0, a > b);
            Assert.Equal(Math.Sign(expected), Math.Sign(a.ToPacked().CompareTo(b.ToPacked())));
        }, iter: Iterations);
    }

    [Fact]
    public void Significance_AndHotfix_FollowTheReleaseLines()
    {
        Gen.Select(VersionGen.Mixed, VersionGen.Mixed).Sample((a, b) =>
        {
            var lines = LineOf(a).CompareTo(LineOf(b));

            Assert.Equal(lines > 0, a.IsSignificantlyNewerThan(b));
            Assert.Equal(lines == 0 && Fields(a).CompareTo(Fields(b)) > 0, a.IsHotfixOf(b));
            Assert.Equal(Math.Sign(lines), Math.Sign(a.Line.CompareTo(b.Line)));
            Assert.Equal(lines == 0, a.Line == b.Line);

            // Exactly one relation holds between two versions.
            var relations = new[] { a == b, a.IsHotfixOf(b), b.IsHotfixOf(a), a.IsSignificantlyNewerThan(b), b.IsSignificantlyNewerThan(a) };
            Assert.Single(relations, r => r);
        }, iter: Iterations);
    }

    [Fact]
    public void Compatibility_IsTheSiteLineNotOlderThanTheClientLine()
    {
        Gen.Select(VersionGen.Mixed, VersionGen.Mixed).Sample((site, client) =>
        {
            var s = new Site(SiteCode.ParseExact("A01"), site, []);

            Assert.Equal(LineOf(site).CompareTo(LineOf(client)) >= 0, s.IsCompatibleWith(client));
            Assert.Equal(!client.IsSignificantlyNewerThan(site), s.IsCompatibleWith(client));
        }, iter: Iterations);
    }

    [Fact]
    public void ServicePackHotfixAndInternationalPack_SplitTheRevision()
    {
        VersionGen.Any.Sample(v =>
        {
            var digits = v.Revision.ToString("D5", CultureInfo.InvariantCulture);

            Assert.Equal(int.Parse(digits[..2], CultureInfo.InvariantCulture), v.ServicePack);
            Assert.Equal(int.Parse(digits[2..], CultureInfo.InvariantCulture), v.HotfixLevel);
            Assert.Equal(digits[2] is >= '4' and <= '9', v.IsInternationalPack);
            Assert.Equal(v.ServicePack, v.Line.ServicePack);
        }, iter: Iterations);
    }
}
