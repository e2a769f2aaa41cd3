using System.Runtime.CompilerServices;
using Ashlar.Errors;
using Ashlar.Expressions;
using Ashlar.Postgres.Sql.Scopes;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Types;

namespace Ashlar.Postgres.Sql.Expressions;

/// <summary>
/// Writes an <see cref="Expr"/> as SQL at one level of a statement. Each node kind has its own small writer;
/// this class only dispatches and resolves references to table aliases.
/// </summary>
internal sealed class ExprWriter(SqlBuilder sql, SqlScope scope)
{
    public SqlBuilder Sql => sql;

    public SqlScope Scope => scope;

    public void Write(Expr expr)
    {
        // Inputs and lambdas are bounded and long chains balanced; this turns any tree that is not into an exception, not a crash.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case RefExpr { Path.Count: 0 } reference when scope.Renamed is { } renamed && renamed.Attribute == reference.Attribute.Name:
                sql.Column(renamed.Alias, renamed.Column);
                break;
            case RefExpr reference:
                sql.Column(scope.AliasOf(reference.Path), reference.Attribute.Name);
                break;
            case ValueExpr value:
                sql.Parameter(value, value.Type, ValueOf);
                break;
            case BinaryExpr binary:
                BinarySql.Write(this, binary);
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
                InSql.Write(this, inExpr);
                break;
            case CallExpr call:
                CallSql.Write(this, call);
                break;
            case CastExpr cast:
                CastSql.Write(this, cast);
                break;
            case ConditionalExpr conditional:
                ConditionalSql.Write(this, conditional);
                break;
            case FragmentExpr fragment:
                FragmentSql.Write(this, fragment);
                break;
            case AggregateExpr aggregate:
                AggregateSql.Write(this, aggregate);
                break;
            case ExistsExpr exists:
                ExistsSql.Write(this, exists);
                break;
            case InlineAggregateExpr aggregate:
                InlineAggregateSql.Write(this, aggregate);
                break;
            case UnrelatedExistsExpr exists:
                UnrelatedExistsSql.Write(this, exists);
                break;
            case ParentExpr parent:
                new ExprWriter(sql, scope.Parent ?? throw Unsupported("parent(...) outside a relationship filter")).Write(parent.Operand);
                break;
            default:
                throw Unsupported($"{expr.GetType().Name}");
        }
    }

    /// <summary>Writes an operand; a value with no type of its own is sent as <paramref name="hint"/>.</summary>
    public void Write(Expr operand, AttributeType? hint)
    {
        if (operand is ValueExpr { Type: null } value && hint is not null)
        {
            sql.Parameter(value, hint, ValueOf);
            return;
        }

        Write(operand);
    }

    /// <summary>Writes the arguments separated by <paramref name="separator"/>.</summary>
    public void WriteList(IReadOnlyList<Expr> arguments, string separator, AttributeType? hint = null)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(separator);
            }

            Write(arguments[i], hint);
        }
    }

    /// <summary>The value of a <see cref="ValueExpr"/> node, as a parameter's rebinding.</summary>
    public static object? ValueOf(Expr node) => ((ValueExpr)node).Value;

    public static AshlarException Unsupported(string what) =>
        AshlarException.From(new UnsupportedFeature($"the Postgres data layer cannot write {what}"));
}
