using Ashlar.Expressions;
using Ashlar.Postgres.Types;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary><c>CAST(x AS type)</c>, the type named from the attribute type map.</summary>
internal static class CastSql
{
    public static void Write(ExprWriter writer, CastExpr cast)
    {
        writer.Sql.Append("CAST(");
        writer.Write(cast.Operand);
        writer.Sql.Append(" AS ").Append(PgTypeMap.ColumnType(cast.Type)).Append(')');
    }
}
