using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

/// <summary>The built-in changes, for <c>a.Change(c =&gt; c.SetFromArgument(p =&gt; p.Reason, "reason"))</c>.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class ChangeFactory<T>
    where T : class
{
    internal ChangeFactory()
    {
    }

    /// <summary>Sets the attribute to a fixed value.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IChange<T> Set<TValue>(Func<T, TValue> attribute, TValue value, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        var name = MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "change set");
        return new BuiltInChange<T>("set", [], [name], (changeset, _) =>
        {
            changeset.Core.SetAttribute(name, value);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Sets the attribute to the argument's value (when the input gave one, or it has a default).</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IChange<T> SetFromArgument<TValue>(Func<T, TValue> attribute, string argument, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        var name = MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "change set_from_argument");
        return new BuiltInChange<T>("set_from_argument", [argument], [name], (changeset, _) =>
        {
            if (changeset.Core.Argument(argument) is { } value)
            {
                changeset.Core.SetAttribute(name, value);
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Sets the attribute to <paramref name="expression"/> of the record as it will be after the write (the record's
    /// values with the input and earlier changes applied): <c>c.SetTo(p =&gt; p.Slug, p =&gt; p.Title.ToLowerInvariant())</c>.
    /// </summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IChange<T> SetTo<TValue>(Func<T, TValue> attribute, Func<T, TValue> expression, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var name = MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "change set_to");
        return new BuiltInChange<T>("set_to", [], [name], (changeset, _) =>
        {
            changeset.Core.SetAttribute(name, expression(changeset.Preview()));
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Adds <paramref name="by"/> to the number the attribute holds (nil counts as zero). An update computes it in the
    /// statement (<c>SET views = coalesce(views, 0) + 1</c>), so concurrent increments all count; a create adds to the
    /// value the input or the default gives.
    /// </summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public IChange<T> Increment<TValue>(Func<T, TValue> attribute, decimal by = 1, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        var property = MemberSelectorText.Select(typeof(T), typeof(TValue), attributeText, out var problem, out var fix)
            ?? throw new DeclarationException([new DeclarationProblem(typeof(T).Name, "change increment", problem, fix)]);
        var name = Naming.ToSnakeCase(property.Name);
        var atomic = IncrementExpression(property, by);
        return new BuiltInChange<T>("increment", [], [name], (changeset, _) =>
        {
            var current = changeset.Core.Attribute(name) is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : 0m;
            changeset.Core.SetAttribute(name, current + by);
            return ValueTask.CompletedTask;
        })
        {
            Atomic = (changeset, _) =>
            {
                changeset.Core.SetAtomic(name, atomic);
                return ValueTask.CompletedTask;
            },
        };
    }

    /// <summary><c>t =&gt; (t.P ?? 0) + by</c>, in the property's number type.</summary>
    private static LambdaExpression IncrementExpression(PropertyInfo property, decimal by)
    {
        var type = property.PropertyType;
        var number = Nullable.GetUnderlyingType(type) ?? type;
        if (!IsNumber(number))
        {
            throw new DeclarationException([new DeclarationProblem(typeof(T).Name, "change increment",
                $"{property.Name} is a {number.Name}, not a number", "increment a numeric attribute")]);
        }

        var row = Expression.Parameter(typeof(T), "row");
        Expression current = Expression.Property(row, property);
        if (number != type)
        {
            current = Expression.Coalesce(current, Expression.Constant(Convert.ChangeType(0, number, CultureInfo.InvariantCulture), number));
        }

        Expression sum = Expression.Add(current, Expression.Constant(Convert.ChangeType(by, number, CultureInfo.InvariantCulture), number));
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), type), number == type ? sum : Expression.Convert(sum, type), row);
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) || type == typeof(float);

    /// <summary>
    /// Relates the record named by the argument's key: a belongs-to sets the foreign key; a has-many or has-one points the
    /// destination record at this one after the write (in the action's transaction); a many-to-many creates the join
    /// record through the join resource's primary create action, unless it exists.
    /// </summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public IChange<T> Relate<TRelated>(Func<T, TRelated> relationship, string argument, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null) => RelateChange(MemberSelectorText.NameOrThrow(typeof(T), typeof(TRelated), relationshipText, "change relate"), argument, relate: true);

    /// <summary>
    /// Unrelates the record named by the argument's key: a belongs-to clears the foreign key; a has-many clears the
    /// destination's; a many-to-many destroys the join records through the join resource's primary destroy action.
    /// </summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public IChange<T> Unrelate<TRelated>(Func<T, TRelated> relationship, string argument, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null) => RelateChange(MemberSelectorText.NameOrThrow(typeof(T), typeof(TRelated), relationshipText, "change unrelate"), argument, relate: false);

    /// <summary>
    /// Makes a has-many list match the argument (a list of maps): a map with the key of a related record updates it,
    /// one without a key creates a record, and related records the list leaves out are destroyed — through the
    /// destination's primary actions, in the action's transaction.
    /// </summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public IChange<T> Manage<TRelated>(Func<T, TRelated> relationship, string argument, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
    {
        var name = MemberSelectorText.NameOrThrow(typeof(T), typeof(TRelated), relationshipText, "change manage");
        return new BuiltInChange<T>("manage", [argument], [], (changeset, _) =>
        {
            if (changeset.Core.Argument(argument) is not IEnumerable input)
            {
                return ValueTask.CompletedTask;
            }

            changeset.AfterAction(async (cs, record, ct) =>
            {
                var services = cs.Context.Services;
                var resource = services.Resource(typeof(T));
                await services.ManageAsync(resource, record, resource.Relationship(name)!, input.Cast<object?>().ToList(), cs.Context.Tenant, ct).ConfigureAwait(false);
            });
            return ValueTask.CompletedTask;
        })
        { Relationship = name };
    }

    private static BuiltInChange<T> RelateChange(string name, string argument, bool relate)
    {
        return new BuiltInChange<T>(relate ? "relate" : "unrelate", [argument], [], (changeset, _) =>
        {
            if (changeset.Core.Argument(argument) is not { } key)
            {
                return ValueTask.CompletedTask;
            }

            var services = changeset.Context.Services;
            var resource = services.Resource(typeof(T));
            var definition = resource.Relationship(name)!;
            if (definition.Kind == RelationshipKind.BelongsTo)
            {
                changeset.Core.SetAttribute(definition.SourceAttribute, relate ? key : null);
                return ValueTask.CompletedTask;
            }

            changeset.AfterAction((cs, record, ct) => services.RelateAsync(resource, record, definition, key, relate, cs.Context.Tenant, ct));
            return ValueTask.CompletedTask;
        })
        { Relationship = name };
    }
}
