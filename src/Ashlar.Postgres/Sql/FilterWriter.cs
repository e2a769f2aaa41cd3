using Ashlar.Errors;
using Ashlar.Expressions;

namespace Ashlar.Postgres.Sql;

/// <summary>Writes an <see cref="Expr"/> as a SQL condition or value, resolving references to table aliases.</summary>
internal sealed class FilterWriter(SqlBuilder sql, Func<RefExpr, string> aliasOf)
{
    public void Write(Expr expr)
    {
        switch (expr)
        {
            case RefExpr reference:
                sql.Column(aliasOf(reference), reference.Attribute.Name);
                break;
            case ValueExpr value:
                sql.Parameter(value.Value, value.Type);
                break;
            case BinaryExpr binary:
                WriteBinary(binary);
                break;
            case NotExpr not:
                sql.Append("(NOT ");
                Write(not.Operand);
                sql.Append(')');
                break;
            case IsNullExpr isNull:
                sql.Append('(');
                Write(isNull.Operand);
                sql.Append(" IS NULL)");
                break;
            case InExpr inExpr:
                WriteIn(inExpr);
                break;
            default:
                throw AshlarException.From(new UnsupportedFeature($"the Postgres data layer cannot write {expr.GetType().Name} yet"));
        }
    }

    private void WriteBinary(BinaryExpr binary)
    {
        var type = (binary.Left as RefExpr)?.Attribute.Type ?? (binary.Right as RefExpr)?.Attribute.Type;
        sql.Append('(');
        WriteOperand(binary.Left, type);
        sql.Append(binary.Operator switch
        {
            BinaryOperator.Equal => " = ",
            BinaryOperator.NotEqual => " <> ",
            BinaryOperator.LessThan => " < ",
            BinaryOperator.LessThanOrEqual => " <= ",
            BinaryOperator.GreaterThan => " > ",
            BinaryOperator.GreaterThanOrEqual => " >= ",
            BinaryOperator.And => " AND ",
            BinaryOperator.Or => " OR ",
            BinaryOperator.Add => " + ",
            BinaryOperator.Subtract => " - ",
            BinaryOperator.Multiply => " * ",
            BinaryOperator.Divide => " / ",
            BinaryOperator.Modulo => " % ",
            _ => throw new ArgumentOutOfRangeException(nameof(binary), binary.Operator, null),
        });
        WriteOperand(binary.Right, type);
        sql.Append(')');
    }

    private void WriteOperand(Expr operand, Ashlar.Types.AttributeType? type)
    {
        if (operand is ValueExpr { Type: null } value && type is not null)
        {
            sql.Parameter(value.Value, type);
            return;
        }

        Write(operand);
    }

    private void WriteIn(InExpr inExpr)
    {
        if (inExpr.Values.Count == 0)
        {
            sql.Append("FALSE");
            return;
        }

        var type = (inExpr.Operand as RefExpr)?.Attribute.Type;
        sql.Append('(');
        Write(inExpr.Operand);
        sql.Append(" = ANY(");
        var elementType = type is null ? null : Ashlar.Types.AttributeType.Of(Ashlar.Types.TypeKind.Array, type.ClrType.MakeArrayType()) with { ElementType = type };
        var array = Array.CreateInstance(typeof(object), inExpr.Values.Count);
        for (var i = 0; i < inExpr.Values.Count; i++)
        {
            array.SetValue(type is null ? inExpr.Values[i] : Types.ValueConverter.ToDatabase(type, inExpr.Values[i]), i);
        }

        sql.Parameter(ToTypedArray(array, type), elementType is null ? null : elementType);
        sql.Append("))");
    }

    private static Array ToTypedArray(Array values, Ashlar.Types.AttributeType? type)
    {
        var elementClr = type?.Kind is Ashlar.Types.TypeKind.Enum ? typeof(string) : type?.ClrType ?? typeof(object);
        var typed = Array.CreateInstance(elementClr, values.Length);
        Array.Copy(values, typed, values.Length);
        return typed;
    }
}
