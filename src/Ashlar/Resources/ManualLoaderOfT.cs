using System.Collections;

namespace Ashlar.Resources;

/// <summary>The <see cref="ManualLoader"/> of an <see cref="IManualRelationship{TSource, TDestination}"/>.</summary>
internal sealed class ManualLoader<TSource, TDestination>(IManualRelationship<TSource, TDestination> loader) : ManualLoader
    where TSource : class
    where TDestination : class
{
    /// <inheritdoc />
    public override Type LoaderType => loader.GetType();

    /// <inheritdoc />
    public override async ValueTask<IReadOnlyList<object>> LoadAsync(IEnumerable parents, ManualLoadContext context, CancellationToken cancellationToken)
    {
        var sources = parents as IReadOnlyList<TSource> ?? [.. parents.Cast<TSource>()];
        if (sources.Count == 0)
        {
            return [];
        }

        var related = await loader.LoadAsync(sources, context, cancellationToken).ConfigureAwait(false)
            ?? throw Refused(context, "returned null");
        if (related.Count != sources.Count)
        {
            throw Refused(context, $"returned {related.Count} lists for {sources.Count} source records");
        }

        var relationship = context.Relationship;
        var property = relationship.Property;
        var asArray = property.PropertyType == typeof(TDestination[]);
        var loaded = new List<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sources.Count; i++)
        {
            var records = related[i] ?? throw Refused(context, $"returned null for the source record at {i}");
            if (relationship.IsToOne && records.Count > 1)
            {
                throw Refused(context, $"returned {records.Count} records for one source record of a to-one relationship");
            }

            foreach (var record in records)
            {
                if (record is null)
                {
                    throw Refused(context, "returned a null record");
                }

                if (seen.Add(record))
                {
                    loaded.Add(record);
                }
            }

            object? value = relationship.IsToOne ? (records.Count > 0 ? records[0] : null) : asArray ? records.ToArray() : records.ToList();
            property.SetValue(sources[i], value);
        }

        return loaded;
    }
}
