using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Npgsql;

namespace Ashlar.Postgres.Sql;

/// <summary>Builds records from rows whose columns are a command's <see cref="SqlCommand.Columns"/>.</summary>
internal static class RecordReader
{
    /// <summary>A reader of one command's rows: the compiled materializer is looked up once, not per row.</summary>
    public static Func<NpgsqlDataReader, T> For<T>(ResourceDefinition resource, SqlCommand command)
        where T : class
    {
        var build = Materializer.For(resource, command.Columns);
        return reader => Read<T>(reader, resource, command, build);
    }

    private static T Read<T>(NpgsqlDataReader reader, ResourceDefinition resource, SqlCommand command, Func<NpgsqlDataReader, int, object> build)
        where T : class
    {
        var offset = command.ColumnOffset;
        var record = build(reader, offset);
        offset += command.Columns.Count;
        for (var i = 0; i < command.Computed.Count; i++)
        {
            resource.SetValue(record, command.Computed[i].Name, ValueConverter.Read(reader, i + offset, command.Computed[i].Type));
        }

        return (T)record;
    }
}
