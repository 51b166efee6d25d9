using System.Buffers.Binary;
using System.Xml.Linq;

namespace Steward.Cli.Tests;

/// <summary><c>steward simulate --chart</c>: the series of each run step drawn as SVG or PNG.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string RolloutRun => Path.Combine(Repository.Root, "tests", "Steward.Simulation.Tests", "Golden", "rollout-run.yaml");

    [Fact]
    public void Svg_IsValidXml_WithTheVersionsInTheLegend_AxisLabelsAndTitle()
    {
        using var directory = new TempDirectory();
        var chart = Path.Combine(directory.Path, "forecast.svg");

        var run = InProcess.Run("simulate", RolloutRun, "--output", "json", "--chart", chart);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal); // standard output stays the one JSON document
        Assert.Contains($"step 2 drawn in {chart}", run.Error, StringComparison.Ordinal);
        var texts = XDocument.Load(chart).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("2.00.1380.1000", texts);
        Assert.Contains("2.00.1493.2000", texts);
        Assert.Contains("Time from the scenario's start (hours)", texts);
        Assert.Contains("Clients (count)", texts);
        Assert.Contains("Step 2: clients per version, hour 0 to 72", texts);
    }

    [Fact]
    public void Png_HasTheSignatureAndTheAskedSize()
    {
        using var directory = new TempDirectory();
        var chart = Path.Combine(directory.Path, "forecast.PNG");

        var run = InProcess.Run("simulate", RolloutRun, "--chart", chart, "--chart-size", "1200x700");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var bytes = File.ReadAllBytes(chart);
        Assert.Equal(PngSignature, bytes[..8]);
        // The IHDR chunk comes first: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(700, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void SeveralRunSteps_DrawOneFileEach_NamedWithTheStep()
    {
        using var directory = new TempDirectory();
        var scenario = Path.Combine(directory.Path, "two-runs.yaml");
        File.WriteAllText(scenario, File.ReadAllText(RolloutRun) + "  - siteVersion: S01\n    version: 2.00.1380.1000\n  - rollback: sp2\n  - run: 2d\n");
        var chart = Path.Combine(directory.Path, "out.svg");

        var run = InProcess.Run("simulate", scenario, "--chart", chart);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.False(File.Exists(chart));
        var files = Directory.GetFiles(directory.Path, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["out-step2.svg", "out-step5.svg"], files);
        Assert.Contains($"step 5 drawn in {Path.Combine(directory.Path, "out-step5.svg")}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioWithoutRun_IsRefused_NothingWritten()
    {
        using var directory = new TempDirectory();
        var chart = Path.Combine(directory.Path, "out.svg");

        var run = InProcess.Run("simulate", Repository.Example("q262677.yaml"), "--chart", chart);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("has no run step", run.Error, StringComparison.Ordinal);
        Assert.Contains("--chart", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(chart));
    }

    [Theory]
    [InlineData("out.jpg")]
    [InlineData("out")]
    public void OtherExtension_IsRefused_NamingChart(string name)
    {
        using var directory = new TempDirectory();

        var run = InProcess.Run("simulate", RolloutRun, "--chart", Path.Combine(directory.Path, name));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--chart", run.Error, StringComparison.Ordinal);
        Assert.Contains(".svg or .png", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Theory]
    [InlineData("1200")]
    [InlineData("10x10")]
    [InlineData("axb")]
    public void BadChartSize_IsRefused(string size)
    {
        var run = InProcess.Run("simulate", RolloutRun, "--chart", "out.png", "--chart-size", size);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--chart-size", run.Error, StringComparison.Ordinal);
    }
}
