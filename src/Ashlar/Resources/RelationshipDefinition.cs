using System.Reflection;
using Ashlar.Expressions;

namespace Ashlar.Resources;

/// <summary>One relationship of a resource, resolved against the destination when the domain is built. Immutable.</summary>
public sealed record RelationshipDefinition
{
    /// <summary>The snake_case name of the relationship.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of relationship.</summary>
    public required RelationshipKind Kind { get; init; }

    /// <summary>The navigation property on the source class, filled when the relationship is loaded.</summary>
    public required PropertyInfo Property { get; init; }

    /// <summary>The CLR type of the destination resource.</summary>
    public required Type DestinationType { get; init; }

    /// <summary>The attribute on the source matched against <see cref="DestinationAttribute"/>.</summary>
    public required string SourceAttribute { get; init; }

    /// <summary>The attribute on the destination matched against <see cref="SourceAttribute"/>.</summary>
    public required string DestinationAttribute { get; init; }

    /// <summary>For many-to-many: the join resource's CLR type.</summary>
    public Type? ThroughType { get; init; }

    /// <summary>For many-to-many: the join attribute that holds the source's key.</summary>
    public string? SourceAttributeOnJoin { get; init; }

    /// <summary>For many-to-many: the join attribute that holds the destination's key.</summary>
    public string? DestinationAttributeOnJoin { get; init; }

    /// <summary>For belongs-to: true when the related record may be absent.</summary>
    public bool AllowNil { get; init; } = true;

    /// <summary>True when untrusted input may traverse this relationship.</summary>
    public bool Public { get; init; } = true;

    /// <summary>
    /// The condition every related record meets, over the destination (<see cref="ParentExpr"/> reads the source
    /// record), or null. Translated from the declaration when the domain is built.
    /// </summary>
    public Expr? Filter { get; private set; }

    /// <summary>
    /// The order related records are loaded in, over the destination. With a declared <see cref="Limit"/>, the
    /// destination's primary key completes it, so the rows kept at the limit are the same for loads, EXISTS and
    /// aggregates even across ties. Translated from the declaration when the domain is built.
    /// </summary>
    public IReadOnlyList<SortKey> Sort { get; private set; } = [];

    /// <summary>At most this many related records per source record are loaded, as declared.</summary>
    public int? Limit { get; init; }

    /// <summary>
    /// For a SQL-joinable manual relationship: its join condition over the destination (<see cref="ParentExpr"/>
    /// reads the source record), translated when the domain is built. It is also the relationship's
    /// <see cref="Filter"/>, which data layers write in place of the key equality; null for other relationships.
    /// </summary>
    public Expr? JoinCondition { get; private set; }

    /// <summary>True for a manual relationship (declared with <c>HasManyManual</c> / <c>HasOneManual</c>): no key relates its records.</summary>
    public bool IsManual { get; init; }

    /// <summary>
    /// False for a code-loaded manual relationship: its records come from a loader, so it can be loaded but not used
    /// inside a query (filter, sort, aggregate).
    /// </summary>
    public bool HasSqlJoin => Loader is null;

    /// <summary>A code-loaded manual relationship's loader.</summary>
    internal ManualLoader? Loader { get; init; }

    /// <summary>
    /// For data layers: runs a code-loaded relationship's loader once for <paramref name="parents"/>, puts each parent's
    /// related records on its navigation property and returns all of them (for nested loads).
    /// </summary>
    /// <param name="parents">The records whose relationship is loaded.</param>
    /// <param name="tenant">The tenant of the load, or null.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>Every related record the loader returned.</returns>
    /// <exception cref="InvalidOperationException">The relationship has a SQL join (<see cref="HasSqlJoin"/>).</exception>
    [System.Diagnostics.CodeAnalysis.Experimental("ASHLAR001")]
    public ValueTask<IReadOnlyList<object>> LoadByCodeAsync(System.Collections.IEnumerable parents, string? tenant, CancellationToken cancellationToken) =>
        Loader is { } loader
            ? loader.LoadAsync(parents, new ManualLoadContext(this, tenant), cancellationToken)
            : throw new InvalidOperationException($"{Name} is not loaded by code; it has a SQL join.");

    /// <summary>True when the relationship returns at most one record.</summary>
    public bool IsToOne => Kind is RelationshipKind.BelongsTo or RelationshipKind.HasOne;

    /// <summary>
    /// Sets the translated filter and sort, once, while the domain is built: they refer to the domain's definitions,
    /// this one included, so they can only be translated after every definition exists.
    /// </summary>
    internal void AttachTranslation(Expr? filter, IReadOnlyList<SortKey> sort)
    {
        Filter = filter;
        Sort = sort;
    }

    /// <summary>Sets a SQL-joinable manual relationship's translated join condition (its filter too), once, while the domain is built.</summary>
    internal void AttachJoin(Expr join, IReadOnlyList<SortKey> sort)
    {
        JoinCondition = join;
        AttachTranslation(join, sort);
    }
}
