using System.Buffers;
using System.Text.Json;
using Steward.Protocol.Agent;

namespace Steward.Server.Agents;

/// <summary>
/// Reads the shape nearly every maintenance cycle has — <c>addresses</c>, <c>installed</c>, <c>sites</c>,
/// <c>nonce</c>, <c>pinnedKey</c>, <c>lastUpgrade</c> and <c>health</c> null and <c>travel</c> null, true or false, in any order — straight off a <see cref="Utf8JsonReader"/>. The
/// serializer's general reader costs a stack of frames per request for the two lists. Anything else (a
/// report, another spelling, a duplicate or unknown member, a wrong type, broken JSON or UTF-8) is left to the
/// serializer, which reads it or says exactly what is wrong: this reader never refuses anything.
/// </summary>
internal static class CycleRequestReader
{
    /// <summary>The request, or null to let the serializer read it.</summary>
    public static CycleRequest? TryRead(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            List<string>? addresses = null, sites = null;
            string? installed = null, nonce = null, pinnedKey = null;
            bool? travel = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = Member(ref reader);
                if (member == 0 || (seen & member) != 0 || !reader.Read())
                {
                    return null;
                }

                seen |= member;
                var ok = member switch
                {
                    Addresses => Strings(ref reader, out addresses),
                    Sites => Strings(ref reader, out sites),
                    Installed => reader.TokenType is JsonTokenType.Null or JsonTokenType.String && Text(ref reader, out installed),
                    NonceMember => reader.TokenType is JsonTokenType.Null or JsonTokenType.String && Text(ref reader, out nonce),
                    PinnedKey => reader.TokenType is JsonTokenType.Null or JsonTokenType.String && Text(ref reader, out pinnedKey),
                    Travel => Flag(ref reader, out travel),
                    _ => reader.TokenType == JsonTokenType.Null,
                };
                if (!ok)
                {
                    return null;
                }
            }

            // The object must have ended, with nothing after it.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? new CycleRequest(addresses, installed, sites, null, travel, nonce, pinnedKey) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Broken JSON, or a string that is not valid UTF-8 (GetString's InvalidOperationException): the
            // serializer says what is wrong with it.
            return null;
        }
    }

    private const int Addresses = 1, Installed = 2, Sites = 4, LastUpgrade = 8, Travel = 16, NonceMember = 32, PinnedKey = 64, Health = 128;

    private static int Member(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("addresses"u8) ? Addresses
        : reader.ValueTextEquals("installed"u8) ? Installed
        : reader.ValueTextEquals("sites"u8) ? Sites
        : reader.ValueTextEquals("lastUpgrade"u8) ? LastUpgrade
        : reader.ValueTextEquals("nonce"u8) ? NonceMember
        : reader.ValueTextEquals("pinnedKey"u8) ? PinnedKey
        : reader.ValueTextEquals("travel"u8) ? Travel
        : reader.ValueTextEquals("health"u8) ? Health
        : 0;

    // Null, true or false; anything else is the serializer's to refuse.
    private static bool Flag(ref Utf8JsonReader reader, out bool? flag)
    {
        flag = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return flag is not null || reader.TokenType == JsonTokenType.Null;
    }

    private static bool Text(ref Utf8JsonReader reader, out string? text)
    {
        text = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        return true;
    }

    // Null, or an array of strings (a null element is the serializer's to read).
    private static bool Strings(ref Utf8JsonReader reader, out List<string>? list)
    {
        list = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        list = new List<string>(2);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return true;
                case JsonTokenType.String:
                    list.Add(reader.GetString()!);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
