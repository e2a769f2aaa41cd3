using System.Runtime.CompilerServices;
using Ashlar.Types;

namespace Ashlar.Resources;

public sealed partial class ResourceBuilder<T>
{
    /// <summary>Declares the number of related records: <c>r.Count(p =&gt; p.CommentCount, p =&gt; p.Comments)</c>.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Count<TValue, TDestination>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Count, propertyText, relationshipText, null, configure);

    /// <summary>Declares the number of non-nil values of a related field (distinct ones with <c>Uniq()</c>).</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Count<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Count, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares whether any related record exists.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Exists<TDestination>(Func<T, bool> property, Func<T, IEnumerable<TDestination>?> relationship,
        Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
        where TDestination : class =>
        Aggregate<bool, TDestination>(AggregateKind.Exists, propertyText, relationshipText, null, configure);

    /// <summary>Declares the sum of a related field.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Sum<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Sum, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares the average of a related field.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Avg<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Avg, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares the smallest value of a related field.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Min<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Min, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares the largest value of a related field.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> Max<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.Max, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares the field of the first related record, in the relationship's sort.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> First<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.First, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    /// <summary>Declares the list of a related field's values, in the relationship's sort.</summary>
    /// <remarks>Each selector is a lambda written at the call (<c>p =&gt; p.CommentCount</c>); the compiler fills in the <c>…Text</c> parameters with their source text.</remarks>
    public ResourceBuilder<T> List<TValue, TDestination, TField>(Func<T, TValue> property, Func<T, IEnumerable<TDestination>?> relationship,
        Func<TDestination, TField> field, Action<AggregateBuilder<TDestination>>? configure = null,
        [CallerArgumentExpression(nameof(property))] string? propertyText = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null,
        [CallerArgumentExpression(nameof(field))] string? fieldText = null)
        where TDestination : class =>
        Aggregate<TValue, TDestination>(AggregateKind.List, propertyText, relationshipText, Select(typeof(TDestination), typeof(TField), fieldText, "aggregate field") is { } selected ? Naming.ToSnakeCase(selected.Name) : "", configure);

    private ResourceBuilder<T> Aggregate<TValue, TDestination>(AggregateKind kind, string? propertyText, string? relationshipText, string? field,
        Action<AggregateBuilder<TDestination>>? configure)
        where TDestination : class
    {
        var property = Select(typeof(T), typeof(TValue), propertyText, "aggregate");
        var relationship = Select(typeof(T), typeof(IEnumerable<TDestination>), relationshipText, "aggregate relationship");
        if (property is null || relationship is null || field == "")
        {
            return this;
        }

        var builder = new AggregateBuilder<TDestination>(new AggregateDraft(kind, property, relationship, field));
        configure?.Invoke(builder);
        Draft.Aggregates.Add(builder.Draft);
        return this;
    }
}
