using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>Declares the options of a has-one or has-many relationship.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class HasBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    internal HasBuilder(RelationshipDraft draft)
    {
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The destination attribute holding the source's key. Defaults to <c>&lt;source&gt;_id</c>.</summary>
    public HasBuilder<T, TDestination> DestinationAttribute<TKey>(Expression<Func<TDestination, TKey>> attribute)
    {
        Draft = Draft with { DestinationAttribute = MemberNames.Of(attribute) };
        return this;
    }

    /// <summary>The source attribute the destination refers to. Defaults to the source's primary key.</summary>
    public HasBuilder<T, TDestination> SourceAttribute<TKey>(Expression<Func<T, TKey>> attribute)
    {
        Draft = Draft with { SourceAttribute = MemberNames.Of(attribute) };
        return this;
    }

    /// <summary>Hides the relationship from untrusted input.</summary>
    public HasBuilder<T, TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }
}
