using Steward.Packaging.Archives;
using Steward.Policy.Versions;

namespace Steward.Server.Tests.Hosting;

/// <summary>Package archives for tests, built the way <c>steward package build</c> builds them.</summary>
public static class Packages
{
    /// <summary>An archive of a one-file agent that says its version; <paramref name="manifestVersion"/> lets a test lie about it.</summary>
    public static byte[] Archive(string manifestVersion, string entryPoint = "steward-agent")
    {
        var directory = Directory.CreateTempSubdirectory("steward-package-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, entryPoint), $"#!/bin/sh\necho {manifestVersion}\n");
            File.WriteAllText(Path.Combine(directory.FullName, "README.txt"), "test agent\n");
            using var output = new MemoryStream();
            PackageArchive.Build(directory.FullName, AgentVersion.Parse(manifestVersion), entryPoint, output);
            return output.ToArray();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
