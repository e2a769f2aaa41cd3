using Ashlar.Expressions;
using Ashlar.Postgres.Types;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary><c>x in [values]</c> as <c>x = ANY($1)</c>: one array parameter however many values.</summary>
internal static class InSql
{
    public static void Write(ExprWriter writer, InExpr inExpr)
    {
        // A nil among the values matches nil operands, as == null does; it cannot go into a typed array.
        var values = inExpr.Values.Where(v => v is not null).ToList();
        var withNull = values.Count < inExpr.Values.Count;
        if (values.Count == 0)
        {
            if (withNull)
            {
                writer.Write(new IsNullExpr(inExpr.Operand));
            }
            else
            {
                writer.Sql.Append("FALSE");
            }

            return;
        }

        var type = ExprTypes.Of(inExpr.Operand);
        writer.Sql.Append(withNull ? "((" : "(");
        writer.Write(inExpr.Operand);
        writer.Sql.Append(" = ANY(");
        var elementClr = type?.Kind is TypeKind.Enum ? typeof(string) : type?.ClrType ?? typeof(object);
        var arrayType = type is null ? null : AttributeType.Of(TypeKind.Array, elementClr.MakeArrayType()) with { ElementType = type };
        writer.Sql.Parameter(inExpr, arrayType, node => ArrayOf((InExpr)node, type, elementClr));
        writer.Sql.Append("))");
        if (withNull)
        {
            writer.Sql.Append(" OR ");
            writer.Write(new IsNullExpr(inExpr.Operand));
            writer.Sql.Append(')');
        }
    }

    /// <summary>The non-nil values of <paramref name="inExpr"/> as one typed array.</summary>
    private static Array ArrayOf(InExpr inExpr, AttributeType? type, Type elementClr)
    {
        var values = new List<object?>(inExpr.Values.Count);
        foreach (var value in inExpr.Values)
        {
            if (value is not null)
            {
                values.Add(type is null ? value : ValueConverter.ToDatabase(type, value));
            }
        }

        return TypedCollections.ToArray(elementClr, values);
    }
}
