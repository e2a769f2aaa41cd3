using System.Linq.Expressions;
using System.Reflection;

namespace Ashlar.Resources;

/// <summary>An aggregate as declared, before its relationship is resolved.</summary>
internal sealed record AggregateDraft(AggregateKind Kind, PropertyInfo Property, PropertyInfo Relationship, string? Field)
{
    public LambdaExpression? Filter { get; init; }

    public bool Uniq { get; init; }

    public object? Default { get; init; }

    public bool Public { get; init; } = true;
}
