using System.Runtime.Versioning;

// The agent's tests use symbolic links, Unix modes, SIGKILL and native Linux builds: they run on Linux only.
[assembly: SupportedOSPlatform("linux")]
