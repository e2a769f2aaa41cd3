namespace Ashlar.Postgres.Schema.Introspection;

/// <summary>The catalog queries.</summary>
public static partial class CatalogReader
{
    private const string UserNamespace = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    private const string SchemasSql =
        "SELECT n.nspname FROM pg_namespace n WHERE " + UserNamespace + " AND n.nspname <> 'public' ORDER BY 1";

    private const string ExtensionsSql = "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1";

    private const string FunctionsSql =
        "SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = '"
        + UuidV7Function.Name + "' AND " + UserNamespace + " ORDER BY 1";

    private const string TablesSql = """
        SELECT c.oid, n.nspname, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND
        """ + " " + UserNamespace + """
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """;

    private const string ColumnsSql = """
        SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', a.attgenerated = 's'
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ANY(@oids) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    private static string ConstraintsSql(bool setNullColumns) => $"""
        SELECT c.conrelid, c.conname, c.contype, {Names("c.conrelid", "c.conkey")}, rn.nspname, rc.relname, {Names("c.confrelid", "c.confkey")},
               c.confdeltype, c.confupdtype, c.confmatchtype, c.condeferrable, c.condeferred,
               {(setNullColumns ? Names("c.conrelid", "c.confdelsetcols") : "ARRAY[]::text[]")}, pg_get_constraintdef(c.oid, true)
        FROM pg_constraint c
        LEFT JOIN pg_class rc ON rc.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE c.conrelid = ANY(@oids) AND c.contype IN ('p', 'f', 'c')
        """;

    private static string IndexesSql(bool nullsNotDistinct) => $"""
        SELECT i.indrelid, ic.relname, i.indisunique, i.indnkeyatts, am.amname, pg_get_expr(i.indpred, i.indrelid, true),
               {(nullsNotDistinct ? "i.indnullsnotdistinct" : "false")}, i.indkey::int2[], i.indoption::int2[],
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k ORDER BY k)
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
        WHERE i.indrelid = ANY(@oids) AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
        """;

    private static string Names(string relation, string numbers) =>
        $"ARRAY(SELECT a.attname::text FROM unnest({numbers}) WITH ORDINALITY k(num, ord) "
        + $"JOIN pg_attribute a ON a.attrelid = {relation} AND a.attnum = k.num ORDER BY k.ord)";
}
