using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>Collects the resources of a domain. <see cref="DomainModel.Build"/> validates them all at once.</summary>
public sealed class DomainBuilder
{
    private readonly List<IResourceDraft> _resources = [];
    private readonly HashSet<Type> _types = [];

    internal DomainBuilder(string name)
    {
        Name = name;
    }

    /// <summary>The domain's name.</summary>
    public string Name { get; }

    internal IReadOnlyList<IResourceDraft> Resources => _resources;

    internal TimeProvider TimeProvider { get; private set; } = TimeProvider.System;

    internal Expressions.Input.InputLimits InputLimits { get; private set; } = Expressions.Input.InputLimits.Default;

    /// <summary>Adds a resource; its <c>Define</c> method runs now.</summary>
    public DomainBuilder Resource<T>()
        where T : class, IResource<T>
    {
        if (!_types.Add(typeof(T)))
        {
            return this;
        }

        var builder = new ResourceBuilder<T>();
        T.Define(builder);
        _resources.Add(builder.Draft);
        return this;
    }

    /// <summary>The clock used for timestamps and <see cref="DefaultValue.Now"/> defaults (tests can fix it).</summary>
    public DomainBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        return this;
    }

    /// <summary>
    /// Bounds on untrusted filter and sort input (<see cref="Queries.Query{T}.FilterInput"/>,
    /// <see cref="Queries.Query{T}.SortInput"/>); <see cref="Expressions.Input.InputLimits.Default"/> unless set.
    /// </summary>
    public DomainBuilder UseInputLimits(Expressions.Input.InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        InputLimits = limits;
        return this;
    }
}
