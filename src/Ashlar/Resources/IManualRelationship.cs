namespace Ashlar.Resources;

/// <summary>
/// Loads a code-loaded manual relationship for a whole batch of source records at once: the records no SQL join can
/// reach (another service, a computed set). Declared with
/// <c>r.HasManyManual(p =&gt; p.Related, new RelatedLoader())</c>; called once per load level with every source
/// record of that level. Such a relationship can be loaded (and loads can nest below it), but not used inside a
/// query's filter, sort or aggregate: it has no SQL join.
/// </summary>
/// <typeparam name="TSource">The resource declaring the relationship.</typeparam>
/// <typeparam name="TDestination">The related resource.</typeparam>
public interface IManualRelationship<in TSource, TDestination>
    where TSource : class
    where TDestination : class
{
    /// <summary>
    /// The related records of each of <paramref name="sources"/>: one list per source, in the same order (an empty
    /// list when a source has none; for a to-one relationship at most one record per list).
    /// </summary>
    /// <param name="sources">The source records of one load level, each once.</param>
    /// <param name="context">The relationship being loaded and the tenant of the read.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    ValueTask<IReadOnlyList<IReadOnlyList<TDestination>>> LoadAsync(
        IReadOnlyList<TSource> sources, ManualLoadContext context, CancellationToken cancellationToken);
}
