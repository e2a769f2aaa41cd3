using Ashlar.DataLayer;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Types;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Statements;

/// <summary>
/// Writes the value of an atomic change in a SET list, reusing the expression writers. A value reading to-one paths
/// becomes a correlated subquery joining them from the written row; an attribute's constraints become a CASE whose
/// failing branch raises (a cast that cannot succeed, carrying <see cref="Marker"/>, the field and the message), so a
/// value past a bound fails the statement and nothing is written.
/// </summary>
internal static class AtomicSql
{
    /// <summary>Starts the text of the error a failed atomic check raises; the error translator looks for it.</summary>
    public const string Marker = "ashlar_check|";

    /// <summary>Writes <c>"col" = value</c> for each change; <paramref name="scope"/> is the written row's level.</summary>
    public static void WriteSets(SqlBuilder sql, SqlScope scope, IReadOnlyList<AtomicChange> changes, bool leadingComma)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            sql.Append(leadingComma || i > 0 ? ", " : "").Identifier(changes[i].Attribute.Name).Append(" = ");
            Write(sql, scope, changes[i]);
        }
    }

    private static void Write(SqlBuilder sql, SqlScope scope, AtomicChange change)
    {
        var columnType = PgTypeMap.ColumnType(change.Attribute.Type);
        if (change.Checks.Count == 0)
        {
            Value(sql, scope, change.Value, change.Attribute.Type);
            return;
        }

        sql.Append("CASE");
        foreach (var check in change.Checks)
        {
            sql.Append(" WHEN ");
            Value(sql, scope, check.Violated, null);
            // CONCAT is not immutable and reads the row, so the planner never folds the failing cast ahead of the WHEN.
            sql.Append(" THEN CAST(CAST(CAST(CONCAT(").Parameter(Marker + (check.Field ?? change.Attribute.Name) + "|" + check.Message.Replace('|', '/') + "|", null).Append("::text, ");
            Value(sql, scope, change.Value, change.Attribute.Type);
            // Through text, so the branch has the column's type whatever it is (there is no cast from integer to uuid).
            sql.Append(") AS integer) AS text) AS ").Append(columnType).Append(')');
        }

        sql.Append(" ELSE ");
        Value(sql, scope, change.Value, change.Attribute.Type);
        sql.Append(" END");
    }

    private static void Value(SqlBuilder sql, SqlScope scope, Expr value, AttributeType? type)
    {
        var paths = ExprWalker.References(value).Where(p => p.Count > 0).ToList();
        if (paths.Count == 0)
        {
            new ExprWriter(sql, scope).Write(value, type);
            return;
        }

        // The row's to-one paths, joined from the written row itself inside a scalar subquery.
        var level = new SqlScope(scope.Context, scope.Resource, scope.Alias, scope.Parent);
        level.Register(paths);
        sql.Append("(SELECT ");
        new ExprWriter(sql, level).Write(value, type);
        sql.Append(" FROM (VALUES (1)) AS \"ashlar_row\"(\"one\")");
        level.WriteJoins(sql, paths);
        sql.Append(')');
    }
}
