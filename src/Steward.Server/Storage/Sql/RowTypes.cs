using System.Data;
using Dapper;
using Steward.Policy.Versions;
using Steward.Server.Storage.Rows;

namespace Steward.Server.Storage.Sql;

/// <summary>
/// How typed row members are kept in the database's columns, in one place: lists of site codes and
/// addresses as comma-separated text, versions as their text. Dapper turns the columns into the typed
/// values when it reads a row, once; nothing above the store sees the text. Flags (BIGINT 0/1) are read
/// into <see cref="bool"/> by Dapper itself and written by the store's parameters.
/// </summary>
internal static class RowTypes
{
    private static int s_registered;

    /// <summary>Registers the type handlers with Dapper (once per process).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new ValueListHandler());
            SqlMapper.AddTypeHandler(new VersionHandler());
        }
    }

    /// <summary>The stored text of a list: its items, comma-separated (none is the empty text).</summary>
    public static string Text(ValueList list) => string.Join(',', list ?? ValueList.Empty);

    /// <summary>A list from its stored text.</summary>
    public static ValueList List(string? text) =>
        string.IsNullOrEmpty(text) ? ValueList.Empty : new ValueList(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A flag as its column holds it.</summary>
    public static long Flag(bool value) => value ? 1 : 0;

    private sealed class ValueListHandler : SqlMapper.TypeHandler<ValueList>
    {
        public override void SetValue(IDbDataParameter parameter, ValueList? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Text(value ?? ValueList.Empty);
        }

        public override ValueList Parse(object value) => List(value as string);
    }

    // A version column holds what the server wrote, a version's own text; a damaged one stops the read loudly.
    private sealed class VersionHandler : SqlMapper.TypeHandler<AgentVersion>
    {
        public override void SetValue(IDbDataParameter parameter, AgentVersion value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString();
        }

        public override AgentVersion Parse(object value) => AgentVersion.Parse((string)value);
    }
}
