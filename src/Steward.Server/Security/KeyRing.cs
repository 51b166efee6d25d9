using System.Collections.Concurrent;
using Steward.Packaging.Signatures;
using Steward.Protocol.Agent;
using Steward.Protocol.Signing;

namespace Steward.Server.Security;

/// <summary>
/// The signing keys as loaded at one moment: the active key, and the older ones some clients still pin.
/// Immutable but for its cache of endorsements, which never change for one pair of keys.
/// </summary>
internal sealed class KeyRing
{
    private readonly Dictionary<string, ServerKey> _byFingerprint;
    private readonly Dictionary<long, ServerKey> _byNumber;
    private readonly ConcurrentDictionary<long, EndorsedKey> _endorsements = new();

    public KeyRing(IReadOnlyList<ServerKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
        _byFingerprint = keys.ToDictionary(k => k.Fingerprint, StringComparer.Ordinal);
        _byNumber = keys.ToDictionary(k => k.Number);
        Active = keys.Last(k => k.Private is not null && k.Row.State == Storage.Rows.SigningKeyStates.Active);
    }

    /// <summary>Every key, retired ones too, by number.</summary>
    public IReadOnlyList<ServerKey> Keys { get; }

    /// <summary>The key that signs new enrollments and packages.</summary>
    public ServerKey Active { get; }

    /// <summary>
    /// The key that signs for a client: the one its request names, when this server has it; else (an agent
    /// that names none) the one its record says it pins; else the active key. The second value is false when
    /// the request named a key the server cannot sign with: the agent will refuse what is signed.
    /// </summary>
    public (ServerKey Key, bool Known) For(string? requested, long? recorded)
    {
        if (requested is not null)
        {
            return _byFingerprint.TryGetValue(requested, out var named) && named.Private is not null ? (named, true) : (Active, false);
        }

        return recorded is { } number && _byNumber.TryGetValue(number, out var pinned) && pinned.Private is not null ? (pinned, true) : (Active, true);
    }

    /// <summary>The active key endorsed by <paramref name="pinned"/>, or null when that is the active key.</summary>
    public EndorsedKey? EndorsementFor(ServerKey pinned)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        if (pinned == Active || pinned.Private is not { } older)
        {
            return null;
        }

        return _endorsements.GetOrAdd(pinned.Number, _ => KeyEndorsements.Sign(
            older,
            new KeyEndorsement(KeyEndorsement.CurrentFormat, Active.Fingerprint, Active.PublicKey, pinned.Fingerprint, DateTimeOffset.FromUnixTimeMilliseconds(Active.Row.CreatedAt))));
    }
}
