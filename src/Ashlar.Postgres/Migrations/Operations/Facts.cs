namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Names of the facts operations provide and require; the orderer puts every provider of a fact before every step
/// that requires it. A table is named by schema and name as the step sees it.
/// </summary>
internal static class Facts
{
    public const string Extensions = "extensions";

    public static string Schema(string schema) => $"schema:{schema}";

    public static string SchemaEmptied(string schema) => $"schema-emptied:{schema}";

    public static string Table(string schema, string table) => $"table:{schema}.{table}";

    public static string TableGone(string schema, string table) => $"table-gone:{schema}.{table}";

    public static string TableNameFree(string schema, string table) => $"table-name-free:{schema}.{table}";

    public static string Column(string schema, string table, string column) => $"column:{schema}.{table}.{column}";

    public static string ColumnNameFree(string schema, string table, string column) => $"column-name-free:{schema}.{table}.{column}";

    /// <summary>The column has its new type.</summary>
    public static string ColumnTyped(string schema, string table, string column) => $"column-typed:{schema}.{table}.{column}";

    /// <summary>The column's old identity or default, which a type change would have to convert, is gone.</summary>
    public static string ColumnReleased(string schema, string table, string column) => $"column-released:{schema}.{table}.{column}";

    public static string ColumnNotNull(string schema, string table, string column) => $"column-not-null:{schema}.{table}.{column}";

    public static string Columns(string schema, string table) => $"columns:{schema}.{table}";

    public static string Structure(string schema, string table) => $"structure:{schema}.{table}";

    public static string PrimaryKey(string schema, string table) => $"pk:{schema}.{table}";

    public static string PrimaryKeyChanged(string schema, string table) => $"pk-changed:{schema}.{table}";

    public static string UniqueKey(string schema, string table, IEnumerable<string> columns) =>
        $"unique:{schema}.{table}({string.Join(",", columns.Order(StringComparer.Ordinal))})";

    public static string IndexesGone(string schema, string table) => $"indexes-gone:{schema}.{table}";

    public static string IndexNameFree(string schema, string index) => $"index-name-free:{schema}.{index}";

    public static string ChecksGone(string schema, string table) => $"checks-gone:{schema}.{table}";

    public static string CheckNameFree(string schema, string table, string check) => $"check-name-free:{schema}.{table}.{check}";

    public static string ForeignKey(string schema, string table, string name) => $"fk:{schema}.{table}.{name}";

    public static string ForeignKeyNameFree(string schema, string table, string name) => $"fk-name-free:{schema}.{table}.{name}";

    public static string ForeignKeysFromGone(string schema, string table) => $"fks-from-gone:{schema}.{table}";

    public static string ForeignKeysIntoGone(string schema, string table) => $"fks-into-gone:{schema}.{table}";

    public static string ForeignKeysOnColumnGone(string schema, string table, string column) => $"fks-on-column-gone:{schema}.{table}.{column}";

    public static string Statement(string schema, string table, string name) => $"statement:{schema}.{table}.{name}";

    public static string StatementGone(string schema, string table, string name) => $"statement-gone:{schema}.{table}.{name}";

    public static string StatementsGone(string schema, string table) => $"statements-gone:{schema}.{table}";
}
