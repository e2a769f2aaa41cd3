using System.Linq.Expressions;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    private readonly List<AggregateDraft> _aggregates = [];

    IReadOnlyList<AggregateDraft> IResourceDraft.Aggregates => _aggregates;

    /// <summary>Declares the number of related records: <c>r.Count(p =&gt; p.CommentCount, p =&gt; p.Comments)</c>.</summary>
    public ResourceBuilder<T> Count<TValue, TDestination>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Count, property, relationship, null, configure);

    /// <summary>Declares the number of non-nil values of a related field (distinct ones with <c>Uniq()</c>).</summary>
    public ResourceBuilder<T> Count<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Count, property, relationship, field, configure);

    /// <summary>Declares whether any related record exists.</summary>
    public ResourceBuilder<T> Exists<TDestination>(Expression<Func<T, bool>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Exists, property, relationship, null, configure);

    /// <summary>Declares the sum of a related field.</summary>
    public ResourceBuilder<T> Sum<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Sum, property, relationship, field, configure);

    /// <summary>Declares the average of a related field.</summary>
    public ResourceBuilder<T> Avg<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Avg, property, relationship, field, configure);

    /// <summary>Declares the smallest value of a related field.</summary>
    public ResourceBuilder<T> Min<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Min, property, relationship, field, configure);

    /// <summary>Declares the largest value of a related field.</summary>
    public ResourceBuilder<T> Max<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.Max, property, relationship, field, configure);

    /// <summary>Declares the field of the first related record, in the relationship's sort.</summary>
    public ResourceBuilder<T> First<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.First, property, relationship, field, configure);

    /// <summary>Declares the list of a related field's values, in the relationship's sort.</summary>
    public ResourceBuilder<T> List<TValue, TDestination, TField>(Expression<Func<T, TValue>> property, Expression<Func<T, IEnumerable<TDestination>?>> relationship,
        Expression<Func<TDestination, TField>> field, Action<AggregateBuilder<TDestination>>? configure = null)
        where TDestination : class =>
        Aggregate(AggregateKind.List, property, relationship, field, configure);

    private ResourceBuilder<T> Aggregate<TDestination>(AggregateKind kind, LambdaExpression property, LambdaExpression relationship, LambdaExpression? field,
        Action<AggregateBuilder<TDestination>>? configure)
        where TDestination : class
    {
        var builder = new AggregateBuilder<TDestination>(new AggregateDraft(
            kind, MemberNames.PropertyOf(property), MemberNames.PropertyOf(relationship), field is null ? null : MemberNames.Of(field)));
        configure?.Invoke(builder);
        _aggregates.Add(builder.Draft);
        return this;
    }
}
