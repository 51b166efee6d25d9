using System.Buffers;
using System.Globalization;
using System.Text;

namespace Steward.Policy.Sites;

/// <summary>
/// Names people read in tables (sites, logon points, computers) must show every character they hold. A
/// control character (Unicode category Cc) or a format character (Cf: the bidirectional marks U+200E/F,
/// embeddings and overrides U+202A–E, isolates U+2066–9, zero-width characters) can make one name look
/// like another, or turn the rest of a row around; an unpaired surrogate is not text at all.
/// </summary>
public static class VisibleName
{
    /// <summary>What keeps <paramref name="text"/> from being shown as it is, in words; null when nothing does.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return $"contains an unpaired surrogate (U+{(int)rest[0]:X4}), which is not text";
            }

            var kind = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.Format => "an invisible format character",
                _ => null,
            };
            if (kind is not null)
            {
                return $"contains U+{rune.Value:X4}, {kind} that can disguise a name in tables; use visible characters only";
            }

            rest = rest[used..];
        }

        return null;
    }
}
