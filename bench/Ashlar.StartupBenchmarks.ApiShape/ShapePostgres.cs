using System.Runtime.CompilerServices;

namespace Ashlar.StartupBenchmarks.ApiShape;

/// <summary>How a reference's rows are deleted (the shape's own, as the Postgres section has one).</summary>
public enum OnDelete
{
    /// <summary>Like <c>OnDelete.Nilify</c>.</summary>
    Nilify,
}

/// <summary><c>PostgresBuilder&lt;T&gt;</c>'s methods the generated resources use, keeping only names.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class ShapePostgres<T>(List<string?> declared)
    where T : class
{
    /// <summary>Like <c>Table</c>.</summary>
    public ShapePostgres<T> Table(string table) => Keep(table);

    /// <summary>Like <c>Repo</c>.</summary>
    public ShapePostgres<T> Repo<TRepo>() => Keep(typeof(TRepo).Name);

    /// <summary>Like <c>Reference</c>.</summary>
    public ShapePostgres<T> Reference<TDestination>(Func<T, TDestination?> relationship, Action<ShapeReference>? configure = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
        where TDestination : class
    {
        configure?.Invoke(new ShapeReference(declared));
        return Keep(relationshipText);
    }

    /// <summary>Like <c>CheckConstraint</c>.</summary>
    public ShapePostgres<T> CheckConstraint(string key, string check, string? message = null, Func<T, object?>? attributes = null,
        [CallerArgumentExpression(nameof(attributes))] string? attributesText = null) => Keep(attributesText);

    /// <summary>Like <c>Index</c>.</summary>
    public ShapePostgres<T> Index(IReadOnlyList<string> columns, Action<ShapeIndex>? configure = null)
    {
        configure?.Invoke(new ShapeIndex(declared));
        return Keep(columns[0]);
    }

    /// <summary>Like <c>Statement</c>.</summary>
    public ShapePostgres<T> Statement(string name, string up, string? down = null) => Keep(name);

    private ShapePostgres<T> Keep(string? text)
    {
        declared.Add(text);
        return this;
    }
}

/// <summary>A reference's options, keeping only their names.</summary>
public sealed class ShapeReference(List<string?> declared)
{
    /// <summary>Like <c>OnDelete</c>.</summary>
    public ShapeReference OnDelete(OnDelete action)
    {
        declared.Add("on_delete");
        return this;
    }
}

/// <summary>An index's options, keeping only their names.</summary>
public sealed class ShapeIndex(List<string?> declared)
{
    /// <summary>Like <c>Where</c>.</summary>
    public ShapeIndex Where(string predicate)
    {
        declared.Add(predicate);
        return this;
    }
}
