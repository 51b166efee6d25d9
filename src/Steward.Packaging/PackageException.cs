namespace Steward.Packaging;

/// <summary>
/// A package, its archive or its signature is not what it must be; the message says what, for people, and
/// <see cref="Field"/> which part is at fault (<c>archive</c>, <c>manifest</c>, <c>manifest.files[3]</c>).
/// </summary>
public sealed class PackageException : Exception
{
    /// <summary>What is at fault when nothing narrower is known: the archive as a whole.</summary>
    public const string ArchiveField = "archive";

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

    private PackageException(string field, string message, Exception? innerException)
        : base(message, innerException) => Field = field;

    /// <summary>The part of the package at fault, named as in the manifest's JSON (<c>manifest.files[0]</c>).</summary>
    public string Field { get; } = ArchiveField;

    /// <summary>A problem of one part of the package.</summary>
    public static PackageException Of(string field, string message, Exception? innerException = null) => new(field, message, innerException);
}
