using Steward.Protocol.Admin;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Tokens;

/// <summary>Token rows as the API shows them: never the hash.</summary>
internal static class TokenViews
{
    public static TokenView Of(TokenRow row, long now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TokenView(row.Name, row.Role, Time(row.CreatedAt), Maybe(row.ExpiresAt), Maybe(row.LastUsedAt), Maybe(row.RevokedAt), row.ActiveAt(now));
    }

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static DateTimeOffset? Maybe(long? milliseconds) => milliseconds is { } m ? Time(m) : null;
}
