using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ashlar.Resources;

/// <summary>
/// The built-in validations, for <c>a.Validate(v =&gt; v.Present(p =&gt; p.Title))</c>. A field is an attribute (by
/// lambda) or an attribute or argument (by name); an attribute's value is the one it will have after the write.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class ValidationFactory<T>
    where T : class
{
    internal ValidationFactory()
    {
    }

    /// <summary>The field must have a value (not nil, not blank text).</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> Present<TValue>(Func<T, TValue> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) => Present(MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "validate present"));

    /// <summary>The attribute or argument called <paramref name="field"/> must have a value (not nil, not blank text).</summary>
    public IValidation<T> Present(string field) =>
        Check("present", field, value => IsBlank(value) ? "must be present" : null);

    /// <summary>The field must have no value (nil or blank text).</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> Absent<TValue>(Func<T, TValue> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) => Absent(MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "validate absent"));

    /// <summary>The attribute or argument called <paramref name="field"/> must have no value.</summary>
    public IValidation<T> Absent(string field) =>
        Check("absent", field, value => IsBlank(value) ? null : "must be absent");

    /// <summary>The field must compare to <paramref name="value"/> as <paramref name="op"/> says; nil passes.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> Compare<TValue>(Func<T, TValue> attribute, CompareOperator op, TValue value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
        where TValue : IComparable => Compare(MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "validate compare"), op, value);

    /// <summary>The attribute or argument called <paramref name="field"/> must compare to <paramref name="value"/>; nil passes.</summary>
    public IValidation<T> Compare(string field, CompareOperator op, IComparable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Check("compare", field, given =>
        {
            if (given is null)
            {
                return null;
            }

            var order = value.CompareTo(Convert.ChangeType(given, value.GetType(), CultureInfo.InvariantCulture));
            return op switch
            {
                CompareOperator.GreaterThan when order >= 0 => $"must be greater than {value}",
                CompareOperator.GreaterThanOrEqual when order > 0 => $"must be greater than or equal to {value}",
                CompareOperator.LessThan when order <= 0 => $"must be less than {value}",
                CompareOperator.LessThanOrEqual when order < 0 => $"must be less than or equal to {value}",
                _ => null,
            };
        });
    }

    /// <summary>The text must match the regular expression <paramref name="pattern"/>; nil passes.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> Match(Func<T, string?> attribute, string pattern, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) => Match(MemberSelectorText.NameOrThrow(typeof(T), typeof(string), attributeText, "validate match"), pattern);

    /// <summary>The attribute or argument called <paramref name="field"/> must match <paramref name="pattern"/>; nil passes.</summary>
    public IValidation<T> Match(string field, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return Check("match", field, value => value is null || regex.IsMatch(Convert.ToString(value, CultureInfo.InvariantCulture)!)
            ? null
            : $"must match the pattern {pattern}");
    }

    /// <summary>The field must be one of <paramref name="values"/>; nil passes.</summary>
    public IValidation<T> OneOf<TValue>(Expression<Func<T, TValue>> attribute, params TValue[] values) =>
        OneOf(MemberNames.Of(attribute), values.Cast<object?>().ToArray());

    /// <summary>The attribute or argument called <paramref name="field"/> must be one of <paramref name="values"/>; nil passes.</summary>
    public IValidation<T> OneOf(string field, params object?[] values) =>
        Check("one_of", field, value => value is null || values.Contains(value)
            ? null
            : $"must be one of {string.Join(", ", values)}");

    /// <summary>The field must equal <paramref name="value"/>.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> AttributeEquals<TValue>(Func<T, TValue> attribute, TValue value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) =>
        Check("attribute_equals", MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "validate attribute_equals"), given => Equals(given, value) ? null : $"must equal {value}");

    /// <summary>The field must not equal <paramref name="value"/>.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> AttributeDoesNotEqual<TValue>(Func<T, TValue> attribute, TValue value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) =>
        Check("attribute_does_not_equal", MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "validate attribute_does_not_equal"), given => Equals(given, value) ? $"must not equal {value}" : null);

    /// <summary>The text's length must be within the bounds given; nil passes.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IValidation<T> StringLength(Func<T, string?> attribute, int? min = null, int? max = null, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null) =>
        StringLength(MemberSelectorText.NameOrThrow(typeof(T), typeof(string), attributeText, "validate string_length"), min, max);

    /// <summary>The length of the attribute or argument called <paramref name="field"/> must be within the bounds given; nil passes.</summary>
    public IValidation<T> StringLength(string field, int? min = null, int? max = null) =>
        Check("string_length", field, value => value is not string text ? null
            : text.Length < min ? $"must have at least {min} characters"
            : text.Length > max ? $"must have at most {max} characters"
            : null);

    /// <summary>The record must have at least one related record through the relationship (read in the action's transaction).</summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Comments</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public IValidation<T> RelatedExist<TRelated>(Func<T, TRelated> relationship, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null) =>
        Related(MemberSelectorText.NameOrThrow(typeof(T), typeof(TRelated), relationshipText, "validate related_exist"), exist: true);

    /// <summary>The record must have no related record through the relationship, e.g. a post may change only while it has no comments.</summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Comments</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public IValidation<T> NoRelated<TRelated>(Func<T, TRelated> relationship, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null) =>
        Related(MemberSelectorText.NameOrThrow(typeof(T), typeof(TRelated), relationshipText, "validate no_related"), exist: false);

    private static BuiltInValidation<T> Related(string name, bool exist)
    {
        return new BuiltInValidation<T>(exist ? "related_exist" : "no_related", name, async (changeset, ct) =>
        {
            if (changeset.Data is not { } record)
            {
                return exist ? $"must have {name}, but the record is new" : null;
            }

            var services = changeset.Context.Services;
            var resource = services.Resource(typeof(T));
            var found = await services.AnyRelatedAsync(resource, record, resource.Relationship(name)!, changeset.Context.Tenant, ct).ConfigureAwait(false);
            return found == exist ? null : exist ? $"must have at least one of {name}" : $"must have no {name}";
        })
        { Reads = [], Relationship = name };
    }

    private static BuiltInValidation<T> Check(string name, string field, Func<object?, string?> check) =>
        new(name, field, (changeset, _) => ValueTask.FromResult(check(changeset.Field(field))));

    private static bool IsBlank(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count == 0,
        _ => false,
    };
}
