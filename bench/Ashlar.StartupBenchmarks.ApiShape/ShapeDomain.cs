namespace Ashlar.StartupBenchmarks.ApiShape;

/// <summary>Like <c>IResource&lt;T&gt;</c>: a resource class declares itself in a static <c>Define</c>.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public interface IShapeResource<T>
    where T : class, IShapeResource<T>
{
    /// <summary>Declares the resource.</summary>
    static abstract void Define(ShapeBuilder<T> r);
}

/// <summary>Like <c>DomainBuilder</c>: runs each resource's <c>Define</c> and keeps its builder.</summary>
public sealed class ShapeDomain
{
    /// <summary>Every resource's builder, in the order added.</summary>
    public List<object> Resources { get; } = [];

    /// <summary>Like <c>Resource&lt;T&gt;()</c>.</summary>
    public ShapeDomain Resource<T>()
        where T : class, IShapeResource<T>
    {
        var builder = new ShapeBuilder<T>();
        T.Define(builder);
        Resources.Add(builder);
        return this;
    }
}
