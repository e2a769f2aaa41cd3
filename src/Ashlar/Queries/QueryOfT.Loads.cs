using System.Collections.Immutable;
using System.Linq.Expressions;
using Ashlar.Resources;

namespace Ashlar.Queries;

public sealed partial record Query<T>
{
    internal ImmutableList<LoadSpec> Loads { get; init; } = [];

    /// <summary>
    /// Loads a to-many relationship (has-many or many-to-many) into its navigation property, optionally with its own
    /// filter, sort, limit (per parent) and nested loads: <c>.Load(p =&gt; p.Comments, c =&gt; c.Sort(x =&gt; x.Likes).Limit(3))</c>.
    /// Every relationship level is one query for all parents, never one per parent.
    /// </summary>
    public Query<T> Load<TRelated>(Expression<Func<T, IEnumerable<TRelated>?>> relationship, Func<Query<TRelated>, Query<TRelated>>? configure = null)
        where TRelated : class, IResource<TRelated> =>
        AddLoad(relationship, configure);

    /// <summary>Loads a to-one relationship (belongs-to or has-one) into its navigation property.</summary>
    public Query<T> Load<TRelated>(Expression<Func<T, TRelated?>> relationship, Func<Query<TRelated>, Query<TRelated>>? configure = null)
        where TRelated : class, IResource<TRelated> =>
        AddLoad(relationship, configure);

    private Query<T> AddLoad<TRelated>(LambdaExpression relationship, Func<Query<TRelated>, Query<TRelated>>? configure)
        where TRelated : class
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var property = MemberNames.PropertyOf(relationship).Name;
        var sub = configure?.Invoke(Query<TRelated>.All);
        return this with
        {
            Loads = Loads.Add(new LoadSpec(property, sub)),
        };
    }
}
