using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// Reads a table snapshot in exactly the form <see cref="TableSnapshotWriter"/> writes (every key present, in its
/// order) with a <see cref="Utf8JsonReader"/>, without the serializer's metadata set-up. Anything else — another key
/// order, a missing or unknown key, a number where a word is stored, broken JSON — returns false, and the caller reads
/// the file with <c>JsonSerializer</c>, which accepts what it accepts and words the errors. So both paths give the same
/// table for a file this one accepts.
/// </summary>
internal static class TableSnapshotReader
{
    private delegate bool ItemReader<T>(ref Utf8JsonReader reader, [NotNullWhen(true)] out T? item)
        where T : class;

    private static readonly string[] MatchWords = [.. Enum.GetNames<ForeignKeyMatch>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)];

    /// <summary>The snapshot in <paramref name="utf8"/> (no byte order mark), or false when it is not in the written form.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TableSnapshot? snapshot)
    {
        snapshot = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!(reader.Read() && reader.TokenType == JsonTokenType.StartObject && Name(ref reader, "format"u8) && reader.Read()
                && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var format) && Name(ref reader, "table"u8) && reader.Read()))
            {
                return false;
            }

            TableModel? table = null;
            if (reader.TokenType != JsonTokenType.Null && !Table(ref reader, out table))
            {
                return false;
            }

            if (!(reader.Read() && reader.TokenType == JsonTokenType.EndObject) || reader.Read())
            {
                return false;
            }

            snapshot = new TableSnapshot { Format = format, Table = table };
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Broken JSON, or text that is not UTF-8: the serializer reads it again and says where.
            return false;
        }
    }

    // The reader is on the table's StartObject.
    private static bool Table(ref Utf8JsonReader reader, [NotNullWhen(true)] out TableModel? table)
    {
        table = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "schema"u8, out var schema)
            || !String(ref reader, "name"u8, out var name)
            || !List<ColumnModel>(ref reader, "columns"u8, Column, out var columns)
            || !Strings(ref reader, "primary_key"u8, out var primaryKey)
            || !List<ForeignKeyModel>(ref reader, "foreign_keys"u8, ForeignKey, out var foreignKeys)
            || !List<IndexModel>(ref reader, "indexes"u8, Index, out var indexes)
            || !List<CheckModel>(ref reader, "checks"u8, Check, out var checks)
            || !List<StatementModel>(ref reader, "statements"u8, Statement, out var statements)
            || !Strings(ref reader, "renamed_from"u8, out var renamedFrom)
            || !End(ref reader))
        {
            return false;
        }

        table = new TableModel
        {
            Schema = schema!,
            Name = name!,
            Columns = columns!,
            PrimaryKey = primaryKey!,
            ForeignKeys = foreignKeys!,
            Indexes = indexes!,
            Checks = checks!,
            Statements = statements!,
            RenamedFrom = renamedFrom!,
        };
        return true;
    }

    private static bool Column(ref Utf8JsonReader reader, [NotNullWhen(true)] out ColumnModel? column)
    {
        column = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "name"u8, out var name)
            || !String(ref reader, "type"u8, out var type)
            || !Boolean(ref reader, "nullable"u8, out var nullable)
            || !String(ref reader, "default"u8, out var defaultSql)
            || !Boolean(ref reader, "identity"u8, out var identity)
            || !String(ref reader, "generated"u8, out var generated)
            || !Strings(ref reader, "renamed_from"u8, out var renamedFrom)
            || !End(ref reader))
        {
            return false;
        }

        column = new ColumnModel
        {
            Name = name!,
            Type = type!,
            Nullable = nullable,
            Default = defaultSql,
            Identity = identity,
            Generated = generated,
            RenamedFrom = renamedFrom!,
        };
        return true;
    }

    private static bool ForeignKey(ref Utf8JsonReader reader, [NotNullWhen(true)] out ForeignKeyModel? key)
    {
        key = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "name"u8, out var name)
            || !Strings(ref reader, "columns"u8, out var columns)
            || !String(ref reader, "referenced_schema"u8, out var referencedSchema)
            || !String(ref reader, "referenced_table"u8, out var referencedTable)
            || !Strings(ref reader, "referenced_columns"u8, out var referencedColumns)
            || !String(ref reader, "on_delete"u8, out var onDelete) || !SnapshotJson.TryDeleteAction(onDelete, out var deleteAction)
            || !Strings(ref reader, "nilify_columns"u8, out var nilifyColumns)
            || !String(ref reader, "on_update"u8, out var onUpdate) || !SnapshotJson.TryUpdateAction(onUpdate, out var updateAction)
            || !String(ref reader, "deferrable"u8, out var deferrable) || !SnapshotJson.TryDeferral(deferrable, out var deferral)
            || !String(ref reader, "match_type"u8, out var match) || Array.IndexOf(MatchWords, match) is var matchType && matchType < 0
            || !End(ref reader))
        {
            return false;
        }

        key = new ForeignKeyModel
        {
            Name = name!,
            Columns = columns!,
            ReferencedSchema = referencedSchema!,
            ReferencedTable = referencedTable!,
            ReferencedColumns = referencedColumns!,
            OnDelete = deleteAction,
            NilifyColumns = nilifyColumns!,
            OnUpdate = updateAction,
            Deferrable = deferral,
            MatchType = (ForeignKeyMatch)matchType,
        };
        return true;
    }

    private static bool Index(ref Utf8JsonReader reader, [NotNullWhen(true)] out IndexModel? index)
    {
        index = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "name"u8, out var name)
            || !List<IndexKeyModel>(ref reader, "fields"u8, IndexKey, out var fields)
            || !Boolean(ref reader, "unique"u8, out var unique)
            || !String(ref reader, "where"u8, out var where)
            || !String(ref reader, "using"u8, out var method)
            || !Strings(ref reader, "include"u8, out var include)
            || !Boolean(ref reader, "nulls_distinct"u8, out var nullsDistinct)
            || !Boolean(ref reader, "concurrently"u8, out var concurrently)
            || !End(ref reader))
        {
            return false;
        }

        index = new IndexModel
        {
            Name = name!,
            Fields = fields!,
            Unique = unique,
            Where = where,
            Using = method,
            Include = include!,
            NullsDistinct = nullsDistinct,
            Concurrently = concurrently,
        };
        return true;
    }

    private static bool IndexKey(ref Utf8JsonReader reader, [NotNullWhen(true)] out IndexKeyModel? key)
    {
        key = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "column"u8, out var column)
            || !String(ref reader, "sql"u8, out var sql)
            || !Boolean(ref reader, "descending"u8, out var descending)
            || !End(ref reader))
        {
            return false;
        }

        key = new IndexKeyModel(column, sql, descending);
        return true;
    }

    private static bool Check(ref Utf8JsonReader reader, [NotNullWhen(true)] out CheckModel? check)
    {
        check = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "name"u8, out var name)
            || !String(ref reader, "check"u8, out var sql)
            || !End(ref reader))
        {
            return false;
        }

        check = new CheckModel(name!, sql!);
        return true;
    }

    private static bool Statement(ref Utf8JsonReader reader, [NotNullWhen(true)] out StatementModel? statement)
    {
        statement = null;
        if (reader.TokenType != JsonTokenType.StartObject
            || !String(ref reader, "name"u8, out var name)
            || !String(ref reader, "up"u8, out var up)
            || !String(ref reader, "down"u8, out var down)
            || !Boolean(ref reader, "on_destroy"u8, out var onDestroy)
            || !Strings(ref reader, "after_tables"u8, out var afterTables)
            || !End(ref reader))
        {
            return false;
        }

        statement = new StatementModel(name!, up!, down, onDestroy) { AfterTables = afterTables! };
        return true;
    }

    /// <summary>Reads the next token: the property <paramref name="name"/>.</summary>
    private static bool Name(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name);

    private static bool End(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.EndObject;

    private static bool String(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!Name(ref reader, name) || !reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString();
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    private static bool Boolean(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out bool value)
    {
        value = false;
        if (!Name(ref reader, name) || !reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            return false;
        }

        value = reader.TokenType == JsonTokenType.True;
        return true;
    }

    // A null list is read as null, as the serializer does; a null item as null.
    private static bool Strings(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out List<string>? values)
    {
        values = null;
        if (!Name(ref reader, name) || !reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        values = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                return false;
            }

            values.Add(reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool List<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ItemReader<T> read, out List<T>? items)
        where T : class
    {
        items = null;
        if (!Name(ref reader, name) || !reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        items = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                items.Add(null!);
            }
            else if (read(ref reader, out var item))
            {
                items.Add(item);
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }
}
