using System.Linq.Expressions;
using System.Reflection;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>A value computed in the database from an expression over the record, declared on the resource. Immutable.</summary>
public sealed record CalculationDefinition
{
    /// <summary>The snake_case name (the property's).</summary>
    public required string Name { get; init; }

    /// <summary>The property that receives the value when the calculation is loaded.</summary>
    public required PropertyInfo Property { get; init; }

    /// <summary>The type of the value.</summary>
    public required AttributeType Type { get; init; }

    /// <summary>The arguments' default values, by name; a query may give others.</summary>
    public IReadOnlyDictionary<string, object?> Defaults { get; init; } = new Dictionary<string, object?>();

    /// <summary>True when untrusted input may see it.</summary>
    public bool Public { get; init; } = true;

    /// <summary>The expression, as declared: <c>(record, arguments) =&gt; value</c>.</summary>
    internal LambdaExpression Expression { get; init; } = null!;
}
