using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Types;

namespace Ashlar.Changesets;

/// <summary>
/// Composes an atomic change with what the same action already gave the attribute: in
/// <c>t =&gt; t.Views + 1</c>, <c>t.Views</c> becomes the earlier expression (or the value set earlier), so two
/// changes of one attribute make one <c>SET</c>.
/// </summary>
internal static class AtomicComposer
{
    /// <summary><paramref name="value"/> with each read of the attribute <paramref name="name"/> replaced by <paramref name="earlier"/>.</summary>
    public static LambdaExpression Over(LambdaExpression value, string name, Func<ParameterExpression, Type, Expression> earlier)
    {
        var parameter = value.Parameters[0];
        var body = new Replace(parameter, name, earlier).Visit(value.Body);
        return Expression.Lambda(value.Type, body, value.Parameters);
    }

    /// <summary>The body of <paramref name="lambda"/> reading the row through <paramref name="parameter"/>.</summary>
    public static Expression BodyOver(LambdaExpression lambda, ParameterExpression parameter) =>
        new Rebind(lambda.Parameters[0], parameter).Visit(lambda.Body);

    /// <summary>A constant of <paramref name="type"/> holding <paramref name="value"/>.</summary>
    public static Expression Constant(object? value, Type type) =>
        value is null || type.IsInstanceOfType(value)
            ? Expression.Constant(value, type)
            : Expression.Convert(Expression.Constant(value), type);

    private sealed class Replace(ParameterExpression parameter, string name, Func<ParameterExpression, Type, Expression> earlier) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == parameter && node.Member is PropertyInfo property && Naming.ToSnakeCase(property.Name) == name)
            {
                var replaced = earlier(parameter, property.PropertyType);
                return replaced.Type == node.Type ? replaced : Expression.Convert(replaced, node.Type);
            }

            return base.VisitMember(node);
        }
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
