using System.Diagnostics.CodeAnalysis;
using Ashlar.Types;

namespace Ashlar.Expressions;

/// <summary>Infers the attribute type an expression yields, so values compared with it become typed parameters.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public static class ExprTypes
{
    private static readonly AttributeType Boolean = AttributeType.Of(TypeKind.Boolean, typeof(bool));

    /// <summary>The type <paramref name="expr"/> yields, or null when it cannot be told (e.g. a nil value).</summary>
    public static AttributeType? Of(Expr? expr) => expr switch
    {
        RefExpr reference => reference.Attribute.Type,
        AggregateExpr aggregate => aggregate.Aggregate.Type,
        InlineAggregateExpr aggregate => aggregate.Type,
        ValueExpr value => value.Type,
        CallExpr call => call.Type,
        CastExpr cast => cast.Type,
        FragmentExpr fragment => fragment.Type,
        ParentExpr parent => Of(parent.Operand),
        ConditionalExpr conditional => Of(conditional.Then) ?? Of(conditional.Else),
        BinaryExpr { Operator: >= BinaryOperator.Add and <= BinaryOperator.Modulo } binary => Of(binary.Left) ?? Of(binary.Right),
        BinaryExpr or NotExpr or IsNullExpr or InExpr or ExistsExpr or UnrelatedExistsExpr => Boolean,
        _ => null,
    };
}
