using System.Reflection;
using Ashlar.Expressions;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>A value computed in the database over related records, declared on the resource. Immutable.</summary>
public sealed record AggregateDefinition
{
    /// <summary>The snake_case name (the property's).</summary>
    public required string Name { get; init; }

    /// <summary>What is computed.</summary>
    public required AggregateKind Kind { get; init; }

    /// <summary>The property that receives the value when the aggregate is loaded.</summary>
    public required PropertyInfo Property { get; init; }

    /// <summary>The type of the value.</summary>
    public required AttributeType Type { get; init; }

    /// <summary>The relationship whose records are aggregated.</summary>
    public required RelationshipDefinition Relationship { get; init; }

    /// <summary>The destination attribute aggregated (null for count and exists over whole records).</summary>
    public string? Field { get; init; }

    /// <summary>True to count or list each distinct value once.</summary>
    public bool Uniq { get; init; }

    /// <summary>The value when there are no related records (e.g. 0 for a sum).</summary>
    public object? Default { get; init; }

    /// <summary>True when untrusted input may filter and sort by it.</summary>
    public bool Public { get; init; } = true;

    /// <summary>
    /// Only related records matching this (an expression over the relationship's destination) are aggregated; null
    /// for all. Translated from the declaration when the domain is built.
    /// </summary>
    public Expr? Filter { get; private set; }

    /// <summary>Sets the translated filter, once, while the domain is built (see <see cref="RelationshipDefinition"/>).</summary>
    internal void AttachTranslation(Expr? filter) => Filter = filter;
}
