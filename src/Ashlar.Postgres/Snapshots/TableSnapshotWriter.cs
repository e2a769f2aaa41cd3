using System.Buffers;
using System.Text.Json;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// Writes a table snapshot straight to a <see cref="Utf8JsonWriter"/>, property by property, in the bytes
/// <c>JsonSerializer</c> writes with <see cref="SnapshotJson"/>'s options (the same writer, keys, order, enum words and
/// escaping). A run compares and writes hundreds of tables; the serializer's metadata-driven path and its first-use
/// set-up cost several times more. Tests compare both on tables that set every property, so a property added to the
/// models and not written here fails them.
/// </summary>
internal static class TableSnapshotWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, IndentSize = 2, NewLine = "\n" };

    private static readonly string[] MatchWords = [.. Enum.GetNames<ForeignKeyMatch>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)];

    // One buffer and writer per thread, reset for each snapshot: a run writes hundreds, mostly only to compare them.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The snapshot's file bytes: the JSON and a final line feed. The table is written as given (not sorted).</summary>
    public static byte[] Write(TableSnapshot snapshot) => Written(snapshot).ToArray();

    /// <summary>True when <paramref name="utf8"/> holds exactly the bytes <see cref="Write"/> gives, without copying them.</summary>
    public static bool Matches(TableSnapshot snapshot, ReadOnlySpan<byte> utf8) => Written(snapshot).SequenceEqual(utf8);

    private static ReadOnlySpan<byte> Written(TableSnapshot snapshot)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber("format", snapshot.Format);
        if (snapshot.Table is { } table)
        {
            writer.WritePropertyName("table");
            Table(writer, table);
        }
        else
        {
            writer.WriteNull("table");
        }

        writer.WriteEndObject();
        writer.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan;
    }

    private static void Table(Utf8JsonWriter writer, TableModel table)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", table.Schema);
        writer.WriteString("name", table.Name);
        List(writer, "columns", table.Columns, Column);
        Strings(writer, "primary_key", table.PrimaryKey);
        List(writer, "foreign_keys", table.ForeignKeys, ForeignKey);
        List(writer, "indexes", table.Indexes, Index);
        List(writer, "checks", table.Checks, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("check", c.Check);
            w.WriteEndObject();
        });
        List(writer, "statements", table.Statements, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("up", s.Up);
            w.WriteString("down", s.Down);
            w.WriteBoolean("on_destroy", s.OnDestroy);
            Strings(w, "after_tables", s.AfterTables);
            w.WriteEndObject();
        });
        Strings(writer, "renamed_from", table.RenamedFrom);
        writer.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter writer, ColumnModel column)
    {
        writer.WriteStartObject();
        writer.WriteString("name", column.Name);
        writer.WriteString("type", column.Type);
        writer.WriteBoolean("nullable", column.Nullable);
        writer.WriteString("default", column.Default);
        writer.WriteBoolean("identity", column.Identity);
        writer.WriteString("generated", column.Generated);
        Strings(writer, "renamed_from", column.RenamedFrom);
        writer.WriteEndObject();
    }

    private static void ForeignKey(Utf8JsonWriter writer, ForeignKeyModel key)
    {
        writer.WriteStartObject();
        writer.WriteString("name", key.Name);
        Strings(writer, "columns", key.Columns);
        writer.WriteString("referenced_schema", key.ReferencedSchema);
        writer.WriteString("referenced_table", key.ReferencedTable);
        Strings(writer, "referenced_columns", key.ReferencedColumns);
        writer.WriteString("on_delete", SnapshotJson.DeleteWord(key.OnDelete));
        Strings(writer, "nilify_columns", key.NilifyColumns);
        writer.WriteString("on_update", SnapshotJson.UpdateWord(key.OnUpdate));
        writer.WriteString("deferrable", SnapshotJson.DeferralWord(key.Deferrable));
        if ((uint)key.MatchType < (uint)MatchWords.Length)
        {
            writer.WriteString("match_type", MatchWords[(int)key.MatchType]);
        }
        else
        {
            // What JsonStringEnumConverter writes for a value the enum does not name.
            writer.WriteNumber("match_type", (int)key.MatchType);
        }

        writer.WriteEndObject();
    }

    private static void Index(Utf8JsonWriter writer, IndexModel index)
    {
        writer.WriteStartObject();
        writer.WriteString("name", index.Name);
        List(writer, "fields", index.Fields, static (w, f) =>
        {
            w.WriteStartObject();
            w.WriteString("column", f.Column);
            w.WriteString("sql", f.Sql);
            w.WriteBoolean("descending", f.Descending);
            w.WriteEndObject();
        });
        writer.WriteBoolean("unique", index.Unique);
        writer.WriteString("where", index.Where);
        writer.WriteString("using", index.Using);
        Strings(writer, "include", index.Include);
        writer.WriteBoolean("nulls_distinct", index.NullsDistinct);
        writer.WriteBoolean("concurrently", index.Concurrently);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void List<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (items is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, item);
            }
        }

        writer.WriteEndArray();
    }
}
