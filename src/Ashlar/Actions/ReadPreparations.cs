using System.Linq.Expressions;

namespace Ashlar.Actions;

/// <summary>What a read action adds to every query run through it. Immutable.</summary>
internal sealed record ReadPreparations
{
    /// <summary>Filters: <c>Func&lt;T, bool&gt;</c>, or <c>Func&lt;T, CalculationArguments, bool&gt;</c> reading the action's arguments.</summary>
    public IReadOnlyList<LambdaExpression> Filters { get; init; } = [];

    /// <summary>Sorts used when the query has none.</summary>
    public IReadOnlyList<(LambdaExpression Field, bool Descending)> Sorts { get; init; } = [];

    /// <summary>The most records returned, unless the query asks for fewer.</summary>
    public int? Limit { get; init; }

    /// <summary>Relationships loaded into every record (property names).</summary>
    public IReadOnlyList<string> Loads { get; init; } = [];
}
