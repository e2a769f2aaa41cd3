using System.Runtime.CompilerServices;

namespace Ashlar.Resources;

/// <summary>Declares the options of a belongs-to relationship.</summary>
/// <typeparam name="T">The source resource.</typeparam>
/// <typeparam name="TDestination">The destination resource.</typeparam>
public sealed class BelongsToBuilder<T, TDestination>
    where T : class
    where TDestination : class
{
    private readonly ResourceBuilder<T> _resource;

    internal BelongsToBuilder(ResourceBuilder<T> resource, RelationshipDraft draft)
    {
        _resource = resource;
        Draft = draft;
    }

    internal RelationshipDraft Draft { get; private set; }

    /// <summary>The property that holds the key. Defaults to <c>&lt;Navigation&gt;Id</c>.</summary>
    /// <param name="attribute">The property, as a lambda written at the call: <c>x =&gt; x.KeyId</c>.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    public BelongsToBuilder<T, TDestination> SourceAttribute<TKey>(Func<T, TKey> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (_resource.SelectName(typeof(T), typeof(TKey), attributeText, $"relationship {Draft.Name} source_attribute") is { } name)
        {
            Draft = Draft with { SourceAttribute = name };
        }

        return this;
    }

    /// <summary>The destination attribute the key refers to. Defaults to the destination's primary key.</summary>
    /// <param name="attribute">The property, as a lambda written at the call: <c>x =&gt; x.KeyId</c>.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    public BelongsToBuilder<T, TDestination> DestinationAttribute<TKey>(Func<TDestination, TKey> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (_resource.SelectName(typeof(TDestination), typeof(TKey), attributeText, $"relationship {Draft.Name} destination_attribute") is { } name)
        {
            Draft = Draft with { DestinationAttribute = name };
        }

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
