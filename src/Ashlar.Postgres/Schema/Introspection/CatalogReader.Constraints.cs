using Npgsql;

namespace Ashlar.Postgres.Schema.Introspection;

/// <summary>Reading constraints and indexes.</summary>
public static partial class CatalogReader
{
    private static async Task ReadConstraintsAsync(NpgsqlConnection connection, Dictionary<uint, CatalogTable> tables, bool setNullColumns, CancellationToken ct)
    {
        await EachRowAsync(connection, ConstraintsSql(setNullColumns), tables.Keys.ToArray(), reader =>
        {
            if (!tables.TryGetValue(reader.GetFieldValue<uint>(0), out var table))
            {
                return;
            }

            var name = reader.GetString(1);
            var columns = reader.GetFieldValue<string[]>(3);
            switch (reader.GetChar(2))
            {
                case 'p':
                    table.PrimaryKey = [.. columns];
                    break;
                case 'c':
                    table.Checks.Add(new CheckModel(name, CheckBody(reader.GetString(13))));
                    break;
                default:
                    table.ForeignKeys.Add(new ForeignKeyModel
                    {
                        Name = name,
                        Columns = columns,
                        ReferencedSchema = reader.GetString(4),
                        ReferencedTable = reader.GetString(5),
                        ReferencedColumns = reader.GetFieldValue<string[]>(6),
                        OnDelete = reader.GetChar(7) switch { 'r' => ForeignKeyAction.Restrict, 'c' => ForeignKeyAction.Cascade, 'n' => ForeignKeyAction.SetNull, _ => ForeignKeyAction.NoAction },
                        OnUpdate = reader.GetChar(8) switch { 'r' => ForeignKeyAction.Restrict, 'c' => ForeignKeyAction.Cascade, 'n' => ForeignKeyAction.SetNull, _ => ForeignKeyAction.NoAction },
                        MatchType = reader.GetChar(9) == 'f' ? ForeignKeyMatch.Full : ForeignKeyMatch.Simple,
                        Deferrable = !reader.GetBoolean(10) ? ForeignKeyDeferral.NotDeferrable : reader.GetBoolean(11) ? ForeignKeyDeferral.InitiallyDeferred : ForeignKeyDeferral.InitiallyImmediate,
                        NilifyColumns = reader.GetFieldValue<string[]>(12),
                    });
                    break;
            }
        }, ct).ConfigureAwait(false);
    }

    private static async Task ReadIndexesAsync(NpgsqlConnection connection, Dictionary<uint, CatalogTable> tables, bool nullsNotDistinct, CancellationToken ct)
    {
        await EachRowAsync(connection, IndexesSql(nullsNotDistinct), tables.Keys.ToArray(), reader =>
        {
            var keyCount = reader.GetInt16(3);
            var numbers = reader.GetFieldValue<short[]>(7);
            var options = reader.GetFieldValue<short[]>(8);
            var definitions = reader.GetFieldValue<string[]>(9);
            var method = reader.GetString(4);
            tables[reader.GetFieldValue<uint>(0)].Indexes.Add(new IndexModel
            {
                Name = reader.GetString(1),
                Unique = reader.GetBoolean(2),
                Using = method == "btree" ? null : method,
                Where = reader.IsDBNull(5) ? null : reader.GetString(5),
                NullsDistinct = !reader.GetBoolean(6),
                Fields = Enumerable.Range(0, keyCount)
                    .Select(k => numbers[k] != 0
                        ? new IndexKeyModel(Unquote(definitions[k]), null, (options[k] & 1) != 0)
                        : new IndexKeyModel(null, definitions[k], (options[k] & 1) != 0))
                    .ToList(),
                Include = definitions[keyCount..].Select(Unquote).ToList(),
            });
        }, ct).ConfigureAwait(false);
    }

    private static string CheckBody(string definition)
    {
        var body = definition.StartsWith("CHECK ", StringComparison.Ordinal) ? definition[6..] : definition;
        body = body.EndsWith(" NOT VALID", StringComparison.Ordinal) ? body[..^10] : body;
        return body.StartsWith('(') && body.EndsWith(')') ? body[1..^1] : body;
    }

    private static string Unquote(string identifier) =>
        identifier.Length > 1 && identifier[0] == '"' && identifier[^1] == '"' ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;
}
