namespace Steward.Server.Security.Access;

/// <summary>
/// Endpoint metadata for the maintenance cycle: client authentication reads the client together with the
/// site of the route's <c>{site}</c> and the client's sites (one look-up, the one the cycle needs anyway),
/// instead of the client alone.
/// </summary>
internal sealed class ReadsCycleFacts
{
    public static ReadsCycleFacts Instance { get; } = new();

    private ReadsCycleFacts()
    {
    }
}
