using System.Linq.Expressions;

namespace Ashlar.Expressions.Linq;

/// <summary>Small readings of C# expression trees shared by the translators of query and aggregate lambdas.</summary>
internal static class ExpressionNodes
{
    /// <summary>The node under any conversions the compiler added (<c>(long)x</c>, <c>x as T</c>).</summary>
    public static Expression Unconverted(Expression node)
    {
        while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } convert)
        {
            node = convert.Operand;
        }

        return node;
    }

    /// <summary>A lambda written as a method argument (quoted when the parameter is an expression), or null.</summary>
    public static LambdaExpression? Lambda(Expression node) => node switch
    {
        LambdaExpression lambda => lambda,
        UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression quoted } => quoted,
        _ => null,
    };

    /// <summary>
    /// The value of a sub-expression that does not depend on a lambda's parameters. Captured variables and constants
    /// (fields and properties of a closure) are read directly; anything else is compiled and run once.
    /// </summary>
    public static object? Evaluate(Expression node) =>
        TryRead(node, out var value)
            ? value
            : Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)();

    /// <summary>
    /// The C# text of <paramref name="node"/> for a message, or a stand-in when the node is nested too deeply to print:
    /// the framework's printer recurses once per level, and a lambda built in a loop can be thousands deep.
    /// </summary>
    public static string Text(Expression node) =>
        DepthProbe.IsWithin(node, 64) ? node.ToString() : $"(a {node.Type.Name} expression nested more than 64 levels deep)";

    /// <summary>Reads constants and chains of field/property accesses over them without compiling anything.</summary>
    private static bool TryRead(Expression? node, out object? value)
    {
        value = null;
        switch (node)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression member when member.Expression is null || TryRead(member.Expression, out value):
                var target = value;
                if (target is null && member.Expression is not null)
                {
                    return false;
                }

                switch (member.Member)
                {
                    case System.Reflection.FieldInfo field:
                        value = field.GetValue(target);
                        return true;
                    case System.Reflection.PropertyInfo { GetMethod: { } getter } property when property.GetIndexParameters().Length == 0:
                        // A getter that throws surfaces its own exception, as when the value is compiled and run.
                        value = getter.Invoke(target, System.Reflection.BindingFlags.DoNotWrapExceptions, null, null, null);
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }
}
