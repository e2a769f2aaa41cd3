using Ashlar.Expressions;
using Ashlar.Postgres.Types;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>Functions: dispatches string and date functions to their writers, writes the rest.</summary>
internal static class CallSql
{
    public static void Write(ExprWriter writer, CallExpr call)
    {
        var sql = writer.Sql;
        var args = call.Arguments;
        switch (call.Function)
        {
            case ExprFunction.Contains or ExprFunction.StartsWith or ExprFunction.EndsWith or ExprFunction.Like or ExprFunction.ILike:
                StringMatchSql.Write(writer, call);
                break;
            case ExprFunction.Length or ExprFunction.Lower or ExprFunction.Upper or ExprFunction.Trim:
                sql.Append(call.Function switch
                {
                    ExprFunction.Length => "length(",
                    ExprFunction.Lower => "lower(",
                    ExprFunction.Upper => "upper(",
                    _ => "btrim(",
                });
                writer.Write(args[0], StringType);
                sql.Append(')');
                break;
            case ExprFunction.Concat:
                sql.Append('(');
                writer.WriteList(args, " || ", StringType);
                sql.Append(')');
                break;
            case ExprFunction.Now or ExprFunction.Today or ExprFunction.Ago or ExprFunction.FromNow or ExprFunction.DateAdd or ExprFunction.DateTrunc:
                DateSql.Write(writer, call);
                break;
            case ExprFunction.Coalesce:
                sql.Append("COALESCE(");
                writer.WriteList(args, ", ", call.Type);
                sql.Append(')');
                break;
            case ExprFunction.Negate:
                sql.Append("(- ");
                writer.Write(args[0]);
                sql.Append(')');
                break;
            case ExprFunction.ArrayHas:
                sql.Append('(');
                writer.Write(args[1], ExprTypes.Of(args[0])?.ElementType);
                sql.Append(" = ANY(");
                writer.Write(args[0]);
                sql.Append("))");
                break;
            case ExprFunction.ArrayLength:
                sql.Append("cardinality(");
                writer.Write(args[0]);
                sql.Append(')');
                break;
            case ExprFunction.ArrayOverlaps:
                sql.Append('(');
                writer.Write(args[0], ExprTypes.Of(args[1]));
                sql.Append(" && ");
                writer.Write(args[1], ExprTypes.Of(args[0]));
                sql.Append(')');
                break;
            case ExprFunction.JsonGet:
                WriteJsonGet(writer, call);
                break;
            default:
                throw ExprWriter.Unsupported(call.Function.ToString());
        }
    }

    private static readonly AttributeType StringType = AttributeType.Of(TypeKind.String, typeof(string));

    /// <summary>The path is one text[] parameter, so keys never become SQL text.</summary>
    private static void WriteJsonGet(ExprWriter writer, CallExpr call)
    {
        var cast = call.Type is { Kind: not TypeKind.String and not TypeKind.Map } type ? PgTypeMap.ColumnType(type) : null;
        var asJson = call.Type?.Kind == TypeKind.Map;
        writer.Sql.Append(cast is null ? "(" : "((");
        writer.Write(call.Arguments[0]);
        writer.Sql.Append(asJson ? " #> " : " #>> ");
        writer.Write(call.Arguments[1]);
        writer.Sql.Append(cast is null ? ")" : ")::" + cast + ")");
    }
}
