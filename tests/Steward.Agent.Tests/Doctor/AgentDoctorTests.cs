using System.Security.Cryptography;
using System.Text.Json;
using Steward.Agent.Doctor;
using Steward.Agent.Layout;
using Steward.Agent.State;
using Steward.Agent.Tests.Infrastructure;
using Steward.Agent.Update;

namespace Steward.Agent.Tests.Doctor;

/// <summary>
/// <c>steward-agent doctor</c> on the real native agent: each thing it checks is damaged on purpose (a flipped
/// byte in the program, a missing marker, a dangling pointer, a damaged state file), the check finds it, the
/// repair mends it, and a repair killed at any of its steps still leaves a working agent.
/// </summary>
[Collection(NativeAgentCollection.Name)]
public sealed class AgentDoctorTests(NativeAgentBuilds builds)
{
    private const string Sp2 = NativeAgentBuilds.Sp2;
    private const string Hotfix = NativeAgentBuilds.Sp2Hotfix;

    [Fact]
    public async Task Doctor_AFreshInstall_IsHealthy()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);

        var run = await NativeWorld.RunAsync(state, "doctor", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var document = Document(run);
        Assert.True(document.Healthy);
        Assert.Contains(document.Findings, f => f.Check == "files " + Sp2 && f.Ok && f.Detail.StartsWith("1 file(s) match", StringComparison.Ordinal));
        Assert.Contains(document.Findings, f => f.Check == "program" && f.Ok);
        Assert.Contains(document.Findings, f => f.Check == "key" && f.Ok);
        Assert.Empty(document.Repairs);
    }

    [Fact]
    public async Task FlippedByte_InTheCurrentProgram_IsFound_AndRepairedFromThePackagesCopy()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var copy = Copy(world, Sp2);
        var original = await File.ReadAllBytesAsync(Program(state, Sp2));
        Flip(Program(state, Sp2));

        var check = await NativeWorld.RunAsync(state, "doctor", "--json");
        var repair = await NativeWorld.RunAsync(state, "doctor", "--repair", "--from", copy);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Document(check).Findings, f => f.Check == "files " + Sp2 && !f.Ok && f.Detail.Contains("has SHA-256", StringComparison.Ordinal));
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("1 file(s) restored from the package's copy", repair.Out, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(Program(state, Sp2)));
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        NativeWorld.AssertNoLeftovers(state);
    }

    [Fact]
    public async Task FlippedByte_WithoutACopy_FallsBackToTheKeptPreviousVersion_AndTheNextCycleBringsItBack()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await UpgradedAsync(world);
        Flip(Program(state, Hotfix));

        var repair = await NativeWorld.RunAsync(state, "doctor", "--repair", "--from", world.Temp.Combine("no-copy"));

        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains($"the agent is back on the kept previous version {Sp2}", repair.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.DoesNotContain(Hotfix, new VersionStore(new AgentLayout(state)).Directories());

        var cycle = await NativeWorld.RunAsync(state, "cycle");
        Assert.True(cycle.ExitCode == 0, cycle.ToString());
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
        Assert.Equal(0, (await NativeWorld.RunAsync(state, "doctor")).ExitCode);
    }

    [Fact]
    public async Task FlippedByte_InAKeptVersion_WithoutACopy_RemovesIt()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await UpgradedAsync(world);
        Flip(Program(state, Sp2));

        var repair = await NativeWorld.RunAsync(state, "doctor", "--repair", "--from", world.Temp.Combine("no-copy"));

        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains($"removed {Sp2}, a kept version whose files were damaged", repair.Out, StringComparison.Ordinal);
        Assert.Equal([Hotfix], new VersionStore(new AgentLayout(state)).Directories());
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task MissingMarker_OfTheOnlyVersion_IsFound_AndWrittenAgainAfterItsFilesAreCheckedAgainstTheCopy()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var layout = new AgentLayout(state);
        File.Delete(layout.CompleteMarker(Sp2));

        var check = await NativeWorld.RunAsync(state, "doctor", "--json");
        var repair = await NativeWorld.RunAsync(state, "doctor", "--repair", "--from", Copy(world, Sp2));

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Document(check).Findings, f => f.Check == "pointer" && !f.Ok && f.Detail.Contains("not a complete version", StringComparison.Ordinal));
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("had lost its marker", repair.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task DanglingPointer_IsFound_AndPointedAtTheNewestCompleteVersion()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var current = Path.Combine(state, "current");
        File.Delete(current);
        File.CreateSymbolicLink(current, "versions/9.99.9999.9999");
        var program = world.Builds.Program(Sp2);

        var check = await AgentProcess.RunAsync(program, "doctor", "--state-dir", state);
        var repair = await AgentProcess.RunAsync(program, "doctor", "--repair", "--state-dir", state, "--from", world.Temp.Combine("no-copy"));

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("PROBLEM   pointer: the pointer names 9.99.9999.9999", check.Out, StringComparison.Ordinal);
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains($"it now names {Sp2}", repair.Out, StringComparison.Ordinal);
        Assert.Equal(Sp2, await NativeWorld.AssertWorkingAgentAsync(state));
    }

    [Fact]
    public async Task DamagedStateFile_IsFound_AndRestoredFromTheLastCopyWrittenWhole()
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var state = await world.InstallAsync(Sp2);
        var layout = new AgentLayout(state);
        var before = new StateStore(layout).Load().State;
        await File.WriteAllTextAsync(layout.StateFile, "{\"format\":1,\"clientId\":\"cli");

        var check = await NativeWorld.RunAsync(state, "doctor", "--json");
        var repair = await NativeWorld.RunAsync(state, "doctor", "--repair");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Document(check).Findings, f => f.Check == "state" && !f.Ok && f.Detail.Contains("is damaged", StringComparison.Ordinal));
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("restored from the last copy written whole", repair.Out, StringComparison.Ordinal);
        var after = new StateStore(layout).Load();
        Assert.True(after.Ok, after.Problem);
        Assert.Equal(before.ClientId, after.State.ClientId);
        Assert.Equal(before.ServerKey, after.State.ServerKey);
        Assert.Single(Directory.GetFiles(state, "state.json.damaged-*"));
    }

    [Theory]
    [InlineData(UpdateSteps.Extract, 40)]
    [InlineData(UpdateSteps.Switch, 3)]
    [InlineData(UpdateSteps.HealthCheck, 5)]
    public async Task KilledDuringARepair_LeavesAWorkingAgent_AndTheNextRepairFinishes(string step, int maxDelayMs)
    {
        await using var world = await NativeWorld.StartAsync(builds);
        var template = await UpgradedAsync(world);
        var copy = Copy(world, Hotfix);
        var seed = Environment.TickCount;
        Console.WriteLine($"{nameof(KilledDuringARepair_LeavesAWorkingAgent_AndTheNextRepairFinishes)} {step}: seed {seed}");
        var chance = new Random(seed);
        for (var i = 0; i < 5; i++)
        {
            var state = world.Temp.Combine($"kill-{step}-{i}");
            TreeCopy.Copy(template, state);
            Flip(Program(state, Hotfix));
            var (_, run) = await AgentProcess.KillAtAsync(NativeWorld.CurrentProgram(state), $"update: {step} {Hotfix}:", TimeSpan.FromMilliseconds(chance.Next(maxDelayMs + 1)),
                "doctor", "--repair", "--state-dir", state, "--from", copy);

            var running = await NativeWorld.AssertWorkingAgentAsync(state);
            Assert.True(running == Hotfix, $"seed {seed}, kill {i}: {running} runs after a kill\n{run}");
            var finish = await NativeWorld.RunAsync(state, "doctor", "--repair", "--from", copy);
            Assert.True(finish.ExitCode == 0, $"seed {seed}, kill {i}: {finish}");
            Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
            NativeWorld.AssertNoLeftovers(state);
        }
    }

    private static async Task<string> UpgradedAsync(NativeWorld world)
    {
        var state = await world.InstallAsync(Sp2);
        world.Server.Cycle = (_, request) => request.Installed == Hotfix ? world.UpToDate(Hotfix) : world.Upgraded(Hotfix, request);
        var cycle = await NativeWorld.RunAsync(state, "cycle");
        Assert.True(cycle.ExitCode == 0, cycle.ToString());
        Assert.Equal(Hotfix, await NativeWorld.AssertWorkingAgentAsync(state));
        return state;
    }

    // What the Debian package installs in /usr/lib/steward-agent: the program and its manifest.
    private string Copy(NativeWorld world, string version)
    {
        var directory = world.Temp.Combine("copy-" + version);
        Directory.CreateDirectory(directory);
        var program = Path.Combine(directory, "steward-agent");
        File.Copy(builds.Program(version), program, overwrite: true);
        var bytes = File.ReadAllBytes(program);
        File.WriteAllText(Path.Combine(directory, "steward-package.json"),
            $$"""{"format":1,"version":"{{version}}","entryPoint":"steward-agent","files":[{"path":"steward-agent","size":{{bytes.Length}},"sha256":"{{Convert.ToHexStringLower(SHA256.HashData(bytes))}}","executable":true}]}""");
        return directory;
    }

    private static string Program(string state, string version) => Path.Combine(state, "versions", version, "steward-agent");

    // A flipped bit in the program's last byte (in the ELF section headers, which the loader does not read): the size
    // stays, the hash does not, and the damaged program still runs, as a quietly damaged file would.
    private static void Flip(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = file.Length - 1;
        var b = file.ReadByte();
        file.Position = file.Length - 1;
        file.WriteByte((byte)(b ^ 0x01));
    }

    private static DoctorDocument Document(AgentRun run) => JsonSerializer.Deserialize(run.Out, AgentJson.Default.DoctorDocument)!;
}
