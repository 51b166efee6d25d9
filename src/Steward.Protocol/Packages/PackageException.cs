namespace Steward.Protocol.Packages;

/// <summary>A package, its archive or its signature is not what it must be; the message says what, for people.</summary>
public sealed class PackageException : Exception
{
    /// <summary>A package problem.</summary>
    public PackageException(string message)
        : base(message)
    {
    }

    /// <summary>A package problem with its cause.</summary>
    public PackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A package problem without details.</summary>
    public PackageException()
    {
    }
}
