using Steward.Policy.Rollouts;
using Steward.Simulation.Model;

namespace Steward.Simulation.Running;

/// <summary>
/// The names of a fleet's clients, without a string per generated client: named clients come first
/// (indices 0 to <c>named - 1</c>, in file order), then each generate block in order, whose names are
/// computed from the block (<see cref="GenerateBlock.NameOf(string, int, int)"/>) and parsed back arithmetically.
/// </summary>
/// <remarks>
/// Computer names are case-insensitive (NetBIOS and DNS both ignore case), so a step that spells a name
/// in another case still finds the computer; an exact spelling wins where two names differ only in case.
/// </remarks>
internal sealed class ClientNames
{
    private readonly IReadOnlyList<ScenarioClient> _named;
    private readonly IReadOnlyList<GenerateBlock> _blocks;
    private readonly int[] _blockStarts;
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _anyCase;

    public ClientNames(Scenario scenario)
    {
        _named = scenario.Clients;
        _blocks = scenario.Generate;
        _exact = new Dictionary<string, int>(_named.Count, StringComparer.Ordinal);
        _anyCase = new Dictionary<string, int>(_named.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _named.Count; i++)
        {
            if (!_exact.TryAdd(_named[i].Name, i))
            {
                throw new ArgumentException($"Client {_named[i].Name} is declared twice; a valid scenario refuses it.", nameof(scenario));
            }

            _anyCase.TryAdd(_named[i].Name, i);
        }

        _blockStarts = new int[_blocks.Count];
        long next = _named.Count;
        for (var b = 0; b < _blocks.Count; b++)
        {
            _blockStarts[b] = (int)next;
            next += _blocks[b].Count;
            if (next > Array.MaxLength)
            {
                throw new ArgumentException($"The scenario has more than {Array.MaxLength} clients, more than one simulation holds.", nameof(scenario));
            }
        }

        Count = (int)next;
    }

    /// <summary>Named plus generated clients.</summary>
    public int Count { get; }

    /// <summary>The named clients, which come first.</summary>
    public int NamedCount => _named.Count;

    /// <summary>The block of a generated client and the client's index within it.</summary>
    public (int Block, int Offset) BlockOf(int client)
    {
        var b = Array.BinarySearch(_blockStarts, client);
        if (b < 0)
        {
            b = ~b - 1;
        }

        // Empty blocks share their start with the next one: the client belongs to the last block starting there.
        while (b + 1 < _blockStarts.Length && _blockStarts[b + 1] <= client)
        {
            b++;
        }

        return (b, client - _blockStarts[b]);
    }

    /// <summary>The index of the first client of a block.</summary>
    public int StartOf(int block) => _blockStarts[block];

    /// <summary>The name of a client.</summary>
    public string NameOf(int client)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(client);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(client, Count);
        if (client < _named.Count)
        {
            return _named[client].Name;
        }

        var (block, offset) = BlockOf(client);
        return _blocks[block].NameOf(offset);
    }

    /// <summary>
    /// n of <c>h(a + b + name)</c> (docs/RULES.md section 4) without making the name of a generated client a
    /// string: <c>Hash("cycle/", "", i)</c>, <c>Hash(id, "/", i)</c>.
    /// </summary>
    public ulong Hash(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int client)
    {
        if (client < _named.Count)
        {
            return RolloutHash.Of(a, b, _named[client].Name);
        }

        var (block, offset) = BlockOf(client);
        var prefix = _blocks[block].Prefix;
        var digits = _blocks[block].Digits;
        var length = prefix.Length + digits;
        var name = length <= 256 ? stackalloc char[length] : new char[length];
        prefix.CopyTo(name);
        var number = offset + 1;
        for (var i = length - 1; i >= prefix.Length; i--)
        {
            name[i] = (char)('0' + (number % 10));
            number /= 10;
        }

        return RolloutHash.Of(a, b, name);
    }

    /// <summary>The index of the client with this name, or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_exact.TryGetValue(name, out var index))
        {
            return index;
        }

        var generated = GeneratedIndexOf(name, StringComparison.Ordinal);
        if (generated >= 0)
        {
            return generated;
        }

        return _anyCase.TryGetValue(name, out index) ? index : GeneratedIndexOf(name, StringComparison.OrdinalIgnoreCase);
    }

    private int GeneratedIndexOf(string name, StringComparison comparison)
    {
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (_blocks[b].TryIndexOf(name, comparison, out var offset))
            {
                return _blockStarts[b] + offset;
            }
        }

        return -1;
    }
}
