using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Npgsql;

namespace Ashlar.Postgres.Rows;

/// <summary>
/// Builds records from rows whose columns are a command's <see cref="CompiledStatement.Columns"/>: the compiled
/// materializer is looked up once per command, not per row.
/// </summary>
internal readonly struct RecordReader
{
    private readonly ResourceDefinition _resource;
    private readonly CompiledStatement _command;
    private readonly Func<NpgsqlDataReader, int, object> _build;

    private RecordReader(ResourceDefinition resource, CompiledStatement command)
    {
        _resource = resource;
        _command = command;
        _build = Materializer.For(resource, command.Columns);
    }

    public static RecordReader For(ResourceDefinition resource, CompiledStatement command) => new(resource, command);

    /// <summary>The record of the reader's current row.</summary>
    public T Read<T>(NpgsqlDataReader reader)
        where T : class
    {
        var offset = _command.ColumnOffset;
        var record = _build(reader, offset);
        var computed = _command.Computed;
        if (computed.Count > 0)
        {
            offset += _command.Columns.Count;
            for (var i = 0; i < computed.Count; i++)
            {
                var (name, type) = computed[i];
                _resource.SetValue(record, name, ValueConverter.Read(reader, i + offset, type) ?? _resource.NilValue(name));
            }
        }

        return (T)record;
    }

    /// <summary>The current row's values of the sort expressions, read after the computed values (keyset pages).</summary>
    public object?[] ReadSortValues(NpgsqlDataReader reader)
    {
        var types = _command.SortValues;
        var offset = _command.ColumnOffset + _command.Columns.Count + _command.Computed.Count;
        var values = new object?[types.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ValueConverter.Read(reader, i + offset, types[i]);
        }

        return values;
    }
}
