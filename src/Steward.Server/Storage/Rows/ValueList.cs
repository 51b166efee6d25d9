using System.Collections;

namespace Steward.Server.Storage.Rows;

/// <summary>
/// An immutable list of texts (site codes, addresses) compared by value, so that two rows holding the same
/// list are equal records. How it is stored is the store's business (<see cref="Sql.RowTypes"/>).
/// </summary>
internal sealed class ValueList : IReadOnlyList<string>, IEquatable<ValueList>
{
    private readonly string[] _items;

    public ValueList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    public static ValueList Empty { get; } = new([]);

    public int Count => _items.Length;

    public string this[int index] => _items[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList? other) => other is not null && _items.AsSpan().SequenceEqual(other._items, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ValueList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items, comma-separated: for people and logs.</summary>
    public override string ToString() => string.Join(", ", _items);

    public static bool operator ==(ValueList? left, ValueList? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueList? left, ValueList? right) => !(left == right);
}
