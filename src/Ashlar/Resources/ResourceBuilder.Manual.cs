using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>
    /// Declares a manual to-many relationship that SQL can join: the related records are the
    /// <typeparamref name="TDestination"/> records meeting <paramref name="join"/>, written over the source and the
    /// destination: <c>r.HasManyManual(p =&gt; p.CommentsContainingTitle, (p, c) =&gt; c.PostId == p.Id &amp;&amp; c.Title.Contains(p.Title))</c>.
    /// It loads in one statement per level and can be used in filters, aggregates and sorts like any relationship;
    /// it adds no column and no foreign key. The source needs a single-attribute primary key.
    /// </summary>
    /// <remarks>The navigation is a lambda written at the call; the compiler fills in <c>navigationText</c> with its source text.</remarks>
    public ResourceBuilder<T> HasManyManual<TDestination>(
        Func<T, IEnumerable<TDestination>?> navigation,
        Expression<Func<T, TDestination, bool>> join,
        Action<ManualBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        ArgumentNullException.ThrowIfNull(join);
        return Manual(RelationshipKind.HasMany, navigationText, typeof(TDestination), d => d with { Join = join }, configure);
    }

    /// <summary>
    /// Declares a manual to-one relationship that SQL can join: the first <typeparamref name="TDestination"/> record
    /// meeting <paramref name="join"/> in the declared sort (then the destination's primary key), e.g.
    /// <c>r.HasOneManual(p =&gt; p.LatestReply, (p, c) =&gt; c.PostId == p.Id, m =&gt; m.Sort(c =&gt; c.Id, descending: true))</c>.
    /// Its join condition reads the source's own fields (no relationship path on the source side).
    /// </summary>
    /// <remarks>The navigation is a lambda written at the call; the compiler fills in <c>navigationText</c> with its source text.</remarks>
    public ResourceBuilder<T> HasOneManual<TDestination>(
        Func<T, TDestination?> navigation,
        Expression<Func<T, TDestination, bool>> join,
        Action<ManualBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        ArgumentNullException.ThrowIfNull(join);
        return Manual(RelationshipKind.HasOne, navigationText, typeof(TDestination), d => d with { Join = join }, configure);
    }

    /// <summary>
    /// Declares a manual to-many relationship loaded by code: <paramref name="loader"/> returns the related records of
    /// a whole batch of source records, once per load level. It can be loaded (with loads nested below it), but using
    /// it in a filter, sort or aggregate is an error: it has no SQL join.
    /// </summary>
    /// <remarks>The navigation is a lambda written at the call; the compiler fills in <c>navigationText</c> with its source text.</remarks>
    public ResourceBuilder<T> HasManyManual<TDestination>(
        Func<T, IEnumerable<TDestination>?> navigation,
        IManualRelationship<T, TDestination> loader,
        Action<ManualBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        ArgumentNullException.ThrowIfNull(loader);
        return Manual(RelationshipKind.HasMany, navigationText, typeof(TDestination),
            d => d with { Loader = new ManualLoader<T, TDestination>(loader) }, configure);
    }

    /// <summary>Declares a manual to-one relationship loaded by code (see the to-many overload); the loader returns at most one record per source.</summary>
    /// <remarks>The navigation is a lambda written at the call; the compiler fills in <c>navigationText</c> with its source text.</remarks>
    public ResourceBuilder<T> HasOneManual<TDestination>(
        Func<T, TDestination?> navigation,
        IManualRelationship<T, TDestination> loader,
        Action<ManualBuilder<T, TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(navigation))] string? navigationText = null)
        where TDestination : class
    {
        ArgumentNullException.ThrowIfNull(loader);
        return Manual(RelationshipKind.HasOne, navigationText, typeof(TDestination),
            d => d with { Loader = new ManualLoader<T, TDestination>(loader) }, configure);
    }

    private ResourceBuilder<T> Manual<TDestination>(
        RelationshipKind kind,
        string? navigationText,
        Type destination,
        Func<RelationshipDraft, RelationshipDraft> manual,
        Action<ManualBuilder<T, TDestination>>? configure)
        where TDestination : class
    {
        var property = Select(typeof(T), kind == RelationshipKind.HasMany ? typeof(IEnumerable<TDestination>) : destination, navigationText,
            kind == RelationshipKind.HasMany ? "has_many_manual" : "has_one_manual");
        if (property is null)
        {
            return this;
        }

        var builder = new ManualBuilder<T, TDestination>(manual(NewRelationship(kind, property, destination)));
        configure?.Invoke(builder);
        if (!IsDuplicate(property))
        {
            Draft.Relationships.Add(builder.Draft);
        }

        return this;
    }
}
