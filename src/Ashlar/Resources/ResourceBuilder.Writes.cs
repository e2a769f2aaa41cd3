using System.Runtime.CompilerServices;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>
    /// Declares optimistic locking on the integer attribute in <paramref name="version"/> (declared here if it is not
    /// yet: not nil, not writable by actions, 1 on create). Every update sets it to its stored value plus one in the
    /// same statement, and an update or destroy of a copy read before another write is refused with
    /// <see cref="Errors.StaleRecord"/>.
    /// </summary>
    /// <param name="version">The version property, as a lambda written at the call: <c>x =&gt; x.Version</c>.</param>
    /// <param name="versionText">Filled in by the compiler: the source text of <paramref name="version"/>.</param>
    public ResourceBuilder<T> OptimisticLock<TValue>(Func<T, TValue> version, [CallerArgumentExpression(nameof(version))] string? versionText = null)
    {
        var info = Select(typeof(T), typeof(TValue), versionText, "optimistic lock");
        if (info is null)
        {
            return this;
        }

        var definition = Declare(info);
        object? one = typeof(TValue) == typeof(int) ? 1 : typeof(TValue) == typeof(long) ? 1L : typeof(TValue) == typeof(short) ? (short)1 : null;
        if (one is null)
        {
            Problem($"optimistic lock {definition.Name}", $"the version attribute is a {typeof(TValue).Name}, not a non-nullable integer",
                $"declare {info.Name} as an int or a long");
        }
        else if (definition.PrimaryKey || definition.Identity || definition.GeneratedSql is not null)
        {
            Problem($"optimistic lock {definition.Name}", "the version attribute is part of the primary key or computed by the database",
                "use an attribute of its own, e.g. `public int Version { get; set; }`");
        }

        if (Draft.OptimisticLock is not null && Draft.OptimisticLock != definition.Name)
        {
            Problem("optimistic lock", $"it is declared twice ({Draft.OptimisticLock} and {definition.Name})", "declare one version attribute");
        }

        Draft.OptimisticLock = definition.Name;
        Upsert(definition with { AllowNil = false, Writable = false, Default = one is null ? definition.Default : DefaultValue.Literal(one) });
        return this;
    }
}
