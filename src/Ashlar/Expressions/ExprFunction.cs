using System.Diagnostics.CodeAnalysis;

namespace Ashlar.Expressions;

/// <summary>The functions a <see cref="CallExpr"/> can apply.</summary>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public enum ExprFunction
{
    /// <summary>The string contains the other (a LIKE with escaped wildcards).</summary>
    Contains,

    /// <summary>The string starts with the other.</summary>
    StartsWith,

    /// <summary>The string ends with the other.</summary>
    EndsWith,

    /// <summary>A LIKE pattern match, wildcards included.</summary>
    Like,

    /// <summary>A case-insensitive LIKE pattern match.</summary>
    ILike,

    /// <summary>The number of characters of a string.</summary>
    Length,

    /// <summary>Lower case.</summary>
    Lower,

    /// <summary>Upper case.</summary>
    Upper,

    /// <summary>Without leading and trailing white space.</summary>
    Trim,

    /// <summary>Strings joined end to end.</summary>
    Concat,

    /// <summary>The current instant.</summary>
    Now,

    /// <summary>The current date.</summary>
    Today,

    /// <summary>An amount of time units before now.</summary>
    Ago,

    /// <summary>An amount of time units after now.</summary>
    FromNow,

    /// <summary>A date or instant plus an amount of time units.</summary>
    DateAdd,

    /// <summary>A date or instant truncated to a time unit.</summary>
    DateTrunc,

    /// <summary>The first argument that is not nil.</summary>
    Coalesce,

    /// <summary>The arithmetic negation.</summary>
    Negate,

    /// <summary>The array holds the value.</summary>
    ArrayHas,

    /// <summary>The number of elements of an array.</summary>
    ArrayLength,

    /// <summary>The arrays share at least one element.</summary>
    ArrayOverlaps,

    /// <summary>The value at a path inside a JSON value.</summary>
    JsonGet,
}
