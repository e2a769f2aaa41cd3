using System.Collections;
using Ashlar.Errors;

namespace Ashlar.Resources;

/// <summary>
/// A code-loaded relationship's loader, untyped for data layers: runs it for a batch of parents, checks its answer
/// and puts the related records on the parents' navigation property.
/// </summary>
internal abstract class ManualLoader
{
    /// <summary>The loader's implementation type, for messages.</summary>
    public abstract Type LoaderType { get; }

    /// <summary>
    /// Loads the relationship of <paramref name="parents"/> with one call of the loader, assigns each parent's records
    /// and returns every loaded record (for nested loads).
    /// </summary>
    public abstract ValueTask<IReadOnlyList<object>> LoadAsync(IEnumerable parents, ManualLoadContext context, CancellationToken cancellationToken);

    /// <summary>A wrong answer from the loader: a typed error naming the relationship and the loader.</summary>
    protected AshlarException Refused(ManualLoadContext context, string problem) =>
        AshlarException.From(new UnknownError(
            $"the manual relationship {context.Relationship.Name} ({LoaderType.Name}) {problem}; return one list per source record, in their order"));
}
