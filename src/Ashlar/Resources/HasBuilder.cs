using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Ashlar.Resources;

/// <summary>Declares the options of a has-one or has-many relationship.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class HasBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    private readonly ResourceBuilder<T> _resource;

    internal HasBuilder(ResourceBuilder<T> resource, RelationshipDraft draft)
    {
        _resource = resource;
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The destination attribute holding the source's key. Defaults to <c>&lt;source&gt;_id</c>.</summary>
    /// <param name="attribute">The property, as a lambda written at the call: <c>x =&gt; x.KeyId</c>.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    public HasBuilder<T, TDestination> DestinationAttribute<TKey>(Func<TDestination, TKey> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (_resource.SelectName(typeof(TDestination), typeof(TKey), attributeText, $"relationship {Draft.Name} destination_attribute") is { } name)
        {
            Draft = Draft with { DestinationAttribute = name };
        }

        return this;
    }

    /// <summary>The source attribute the destination refers to. Defaults to the source's primary key.</summary>
    /// <param name="attribute">The property, as a lambda written at the call: <c>x =&gt; x.KeyId</c>.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    public HasBuilder<T, TDestination> SourceAttribute<TKey>(Func<T, TKey> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (_resource.SelectName(typeof(T), typeof(TKey), attributeText, $"relationship {Draft.Name} source_attribute") is { } name)
        {
            Draft = Draft with { SourceAttribute = name };
        }

        return this;
    }

    /// <summary>Hides the relationship from untrusted input.</summary>
    public HasBuilder<T, TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }

    /// <summary>Only related records matching <paramref name="predicate"/> belong to the relationship (in loads, filters and aggregates).</summary>
    public HasBuilder<T, TDestination> Filter(Expression<Func<TDestination, bool>> predicate)
    {
        Draft = Draft with { Filter = predicate };
        return this;
    }

    /// <summary>Loads related records in this order; later calls break ties of earlier ones.</summary>
    public HasBuilder<T, TDestination> Sort<TKey>(Expression<Func<TDestination, TKey>> field, bool descending = false)
    {
        Draft = Draft with { Sort = [.. Draft.Sort, (field, descending)] };
        return this;
    }

    /// <summary>Loads at most <paramref name="limit"/> related records per source record (in the declared sort).</summary>
    public HasBuilder<T, TDestination> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Draft = Draft with { Limit = limit };
        return this;
    }

    /// <summary>
    /// Only related records matching <paramref name="predicate"/> belong to the relationship; its second parameter is the
    /// source record: <c>h.Filter((comment, post) =&gt; comment.AuthorId == post.AuthorId)</c>.
    /// </summary>
    public HasBuilder<T, TDestination> Filter(Expression<Func<TDestination, T, bool>> predicate)
    {
        Draft = Draft with { Filter = predicate };
        return this;
    }
}
