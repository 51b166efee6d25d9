namespace Steward.Server.Hosting;

/// <summary>A setting is missing or wrong; the message says which and how to fix it.</summary>
internal sealed class InvalidConfigurationException(string message) : Exception(message);
