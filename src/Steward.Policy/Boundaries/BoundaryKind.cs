namespace Steward.Policy.Boundaries;

/// <summary>How a boundary was written.</summary>
public enum BoundaryKind
{
    /// <summary>A CIDR subnet with no host bits set: <c>10.1.0.0/16</c>.</summary>
    Subnet,

    /// <summary>An inclusive range: <c>10.3.0.10-10.3.0.200</c>.</summary>
    Range,

    /// <summary>One address: <c>10.4.0.7</c>.</summary>
    Address,
}
