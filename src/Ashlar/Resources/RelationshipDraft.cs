using System.Linq.Expressions;
using System.Reflection;

namespace Ashlar.Resources;

/// <summary>A relationship as declared, before the destination resource is known.</summary>
internal sealed record RelationshipDraft
{
    public required string Name { get; init; }

    public required RelationshipKind Kind { get; init; }

    public required PropertyInfo Property { get; init; }

    public required Type DestinationType { get; init; }

    public string? SourceAttribute { get; init; }

    public string? DestinationAttribute { get; init; }

    public Type? ThroughType { get; init; }

    public string? SourceAttributeOnJoin { get; init; }

    public string? DestinationAttributeOnJoin { get; init; }

    public bool? AllowNil { get; init; }

    public bool Public { get; init; } = true;

    public LambdaExpression? Filter { get; init; }

    public IReadOnlyList<(LambdaExpression Field, bool Descending)> Sort { get; init; } = [];

    public int? Limit { get; init; }

    /// <summary>A SQL-joinable manual relationship's join condition: <c>(source, destination) =&gt; bool</c>.</summary>
    public LambdaExpression? Join { get; init; }

    /// <summary>A code-loaded manual relationship's loader.</summary>
    public ManualLoader? Loader { get; init; }

    public bool IsManual => Join is not null || Loader is not null;
}
