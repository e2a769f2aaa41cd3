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
}
