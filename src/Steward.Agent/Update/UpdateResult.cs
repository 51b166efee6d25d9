namespace Steward.Agent.Update;

/// <summary>What carrying out a package decision came to.</summary>
/// <param name="Version">The version offered.</param>
/// <param name="Succeeded">True when the offered version now runs.</param>
/// <param name="Message">What happened, in words (why it was refused, or that it was installed).</param>
/// <param name="Running">The version the pointer names now (null when nothing is installed).</param>
/// <param name="Transient">True when the failure may pass (network, disk): the next cycle tries again.</param>
internal sealed record UpdateResult(string Version, bool Succeeded, string Message, string? Running, bool Transient);
