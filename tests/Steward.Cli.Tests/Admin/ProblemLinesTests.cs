using Steward.Cli.Admin;
using Steward.Protocol;

namespace Steward.Cli.Tests.Admin;

public sealed class ProblemLinesTests
{
    private static readonly Dictionary<string, string[]> TwoFields = new(StringComparer.Ordinal)
    {
        ["version"] = ["'2.0' is not a version"],
        ["boundaries[0]"] = ["host bits set", "overlaps"],
    };

    [Fact]
    public void DetailThatOnlyRepeatsTheFieldErrors_GivesWayToTheTitle_FieldsSortedOneALine()
    {
        var problem = new ProblemDocument(null, "The request is not valid.", 400, "version: '2.0' is not a version; boundaries[0]: host bits set; boundaries[0]: overlaps", TwoFields);

        Assert.Equal(
            ["steward: The request is not valid.", "  boundaries[0]: host bits set", "  boundaries[0]: overlaps", "  version: '2.0' is not a version"],
            ProblemLines.Of(problem, 400));
    }

    [Fact]
    public void DetailThatSaysMore_IsTheHeadline()
    {
        var problem = new ProblemDocument(null, "Refused.", 409, "site A01 participates in logon point DC1; remove it from there first", null);

        Assert.Equal(["steward: site A01 participates in logon point DC1; remove it from there first"], ProblemLines.Of(problem, 409));
    }

    [Fact]
    public void NoDetailNoTitle_SaysTheStatus()
    {
        Assert.Equal(["steward: the server refused the request (418)"], ProblemLines.Of(new ProblemDocument(null, null, null, null, TwoFields), 418).Take(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public void NotAProblemDocument_Null(string body)
    {
        Assert.Null(ProblemLines.TryRead(System.Text.Encoding.UTF8.GetBytes(body)));
    }
}
