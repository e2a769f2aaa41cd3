using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>The operators with two operands.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public enum BinaryOperator
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary>Logical and.</summary>
    And,

    /// <summary>Logical or.</summary>
    Or,

    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,

    /// <summary><c>%</c></summary>
    Modulo,

    /// <summary>Not equal, treating two nils as equal (<c>IS DISTINCT FROM</c>).</summary>
    IsDistinctFrom,

    /// <summary>Equal, treating two nils as equal (<c>IS NOT DISTINCT FROM</c>).</summary>
    IsNotDistinctFrom,
}
