using System.Linq.Expressions;

namespace Ashlar.Resources;

/// <summary>Declares the options of a belongs-to relationship.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class BelongsToBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    internal BelongsToBuilder(RelationshipDraft draft)
    {
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The property that holds the key. Defaults to <c>&lt;Navigation&gt;Id</c>.</summary>
    public BelongsToBuilder<T, TDestination> SourceAttribute<TKey>(Expression<Func<T, TKey>> attribute)
    {
        Draft = Draft with { SourceAttribute = MemberNames.Of(attribute) };
        return this;
    }

    /// <summary>The destination attribute the key refers to. Defaults to the destination's primary key.</summary>
    public BelongsToBuilder<T, TDestination> DestinationAttribute<TKey>(Expression<Func<TDestination, TKey>> attribute)
    {
        Draft = Draft with { DestinationAttribute = MemberNames.Of(attribute) };
        return this;
    }

    /// <summary>Whether the related record may be absent. Defaults to the key property's nullability.</summary>
    public BelongsToBuilder<T, TDestination> AllowNil(bool allow = true)
    {
        Draft = Draft with { AllowNil = allow };
        return this;
    }

    /// <summary>Hides the relationship from untrusted input.</summary>
    public BelongsToBuilder<T, TDestination> Private()
    {
        Draft = Draft with { Public = false };
        return this;
    }
}
