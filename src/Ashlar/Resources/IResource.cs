namespace Ashlar.Resources;

/// <summary>
/// Implemented by a class that is an Ashlar resource. The static <see cref="Define"/> method declares,
/// once, everything Ashlar derives from: attributes, relationships, identities, actions and data-layer options.
/// </summary>
/// <typeparam name="TSelf">The resource class itself.</typeparam>
public interface IResource<TSelf>
    where TSelf : class, IResource<TSelf>
{
    /// <summary>Declares the resource.</summary>
    /// <param name="r">The declaration builder.</param>
    static abstract void Define(ResourceBuilder<TSelf> r);
}
