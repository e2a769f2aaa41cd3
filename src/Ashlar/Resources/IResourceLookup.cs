namespace Ashlar.Resources;

/// <summary>
/// Finds a domain's resources by their class. The domain model implements it; the stages that translate and plan
/// against the model (lambda translation, input parsing, planning) take this, so they sit below the domain.
/// </summary>
internal interface IResourceLookup
{
    /// <summary>The domain's name, for messages.</summary>
    string Name { get; }

    /// <summary>The resource declared by <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a resource of this domain.</exception>
    ResourceDefinition Resource(Type type);

    /// <summary>The resource declared by <paramref name="type"/>, or null.</summary>
    ResourceDefinition? FindResource(Type type);
}
