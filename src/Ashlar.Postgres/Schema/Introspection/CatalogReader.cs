using Ashlar.Postgres.Repos;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Postgres.Schema.Introspection;

/// <summary>
/// Reads a live database into a <see cref="SchemaModel"/> through <c>pg_catalog</c>, in PostgreSQL's canonical forms
/// (<c>format_type</c>, <c>pg_get_expr</c>, <c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>). Custom statements
/// and renames cannot be read back, so those lists stay empty.
/// </summary>
public static partial class CatalogReader
{
    /// <summary>Reads every user table, schema and extension of the database.</summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="excludeTables">Qualified names (<c>schema.table</c>) to leave out, e.g. the migration history table.</param>
    /// <param name="ct">Cancels the queries.</param>
    /// <returns>The schema model the database holds.</returns>
    public static async Task<SchemaModel> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<string>? excludeTables = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var server = PostgresCapabilities.Of(connection.PostgreSqlVersion);
        var schemas = await ListAsync(connection, SchemasSql, ct).ConfigureAwait(false);
        var extensions = await ListAsync(connection, ExtensionsSql, ct).ConfigureAwait(false);
        var functions = await ListAsync(connection, FunctionsSql, ct).ConfigureAwait(false);
        var tables = await ReadTablesAsync(connection, ct).ConfigureAwait(false);
        foreach (var name in excludeTables ?? [])
        {
            tables.Remove(tables.Values.FirstOrDefault(t => t.QualifiedName == name)?.Oid ?? 0);
        }

        await ReadColumnsAsync(connection, tables, ct).ConfigureAwait(false);
        await ReadConstraintsAsync(connection, tables, server.Has(PostgresFeature.SetNullColumns), ct).ConfigureAwait(false);
        await ReadIndexesAsync(connection, tables, server.Has(PostgresFeature.NullsNotDistinct), ct).ConfigureAwait(false);
        return new SchemaModel
        {
            Schemas = schemas,
            Extensions = extensions,
            Functions = functions,
            Tables = tables.Values.Select(t => t.ToModel()).OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
        };
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var names = new List<string>();
        await EachRowAsync(connection, sql, null, reader =>
        {
            names.Add(reader.GetString(0));
        }, ct).ConfigureAwait(false);

        return names;
    }

    private static async Task<Dictionary<uint, CatalogTable>> ReadTablesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var tables = new Dictionary<uint, CatalogTable>();
        await EachRowAsync(connection, TablesSql, null, reader =>
        {
            tables[reader.GetFieldValue<uint>(0)] = new CatalogTable(reader.GetFieldValue<uint>(0), reader.GetString(1), reader.GetString(2));
        }, ct).ConfigureAwait(false);

        return tables;
    }

    private static async Task ReadColumnsAsync(NpgsqlConnection connection, Dictionary<uint, CatalogTable> tables, CancellationToken ct)
    {
        await EachRowAsync(connection, ColumnsSql, tables.Keys.ToArray(), reader =>
        {
            var table = tables[reader.GetFieldValue<uint>(0)];
            var expression = reader.IsDBNull(4) ? null : reader.GetString(4);
            var generated = reader.GetBoolean(6);
            table.Columns.Add(new ColumnModel
            {
                Name = reader.GetString(1),
                Type = reader.GetString(2),
                Nullable = !reader.GetBoolean(3),
                Default = generated ? null : expression,
                Generated = generated ? expression : null,
                Identity = reader.GetBoolean(5),
            });
        }, ct).ConfigureAwait(false);
    }

    private static async Task EachRowAsync(NpgsqlConnection connection, string sql, uint[]? oids, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            if (oids is not null)
            {
                command.Parameters.Add(new NpgsqlParameter("oids", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = oids });
            }

            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    row(reader);
                }
            }
        }
    }
}
