using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Npgsql;

namespace Ashlar.Postgres.Sql;

/// <summary>Builds records from rows whose columns are a command's <see cref="SqlCommand.Columns"/>.</summary>
internal static class RecordReader
{
    public static T Read<T>(NpgsqlDataReader reader, ResourceDefinition resource, IReadOnlyList<AttributeDefinition> columns)
        where T : class
    {
        var record = resource.CreateInstance();
        for (var i = 0; i < columns.Count; i++)
        {
            resource.SetValue(record, columns[i].Name, ValueConverter.Read(reader, i, columns[i].Type));
        }

        return (T)record;
    }
}
