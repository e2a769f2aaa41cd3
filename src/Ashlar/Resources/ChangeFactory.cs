using System.Collections;
using System.Globalization;
using System.Linq.Expressions;

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
    public IChange<T> Set<TValue>(Expression<Func<T, TValue>> attribute, TValue value)
    {
        var name = MemberNames.Of(attribute);
        return new BuiltInChange<T>("set", [], [name], (changeset, _) =>
        {
            changeset.Core.SetAttribute(name, value);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Sets the attribute to the argument's value (when the input gave one, or it has a default).</summary>
    public IChange<T> SetFromArgument<TValue>(Expression<Func<T, TValue>> attribute, string argument)
    {
        var name = MemberNames.Of(attribute);
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
    public IChange<T> SetTo<TValue>(Expression<Func<T, TValue>> attribute, Func<T, TValue> expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var name = MemberNames.Of(attribute);
        return new BuiltInChange<T>("set_to", [], [name], (changeset, _) =>
        {
            changeset.Core.SetAttribute(name, expression(changeset.Preview()));
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Adds <paramref name="by"/> to the number the attribute holds (nil counts as zero).</summary>
    public IChange<T> Increment<TValue>(Expression<Func<T, TValue>> attribute, decimal by = 1)
    {
        var name = MemberNames.Of(attribute);
        return new BuiltInChange<T>("increment", [], [name], (changeset, _) =>
        {
            var current = changeset.Core.Attribute(name) is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : 0m;
            changeset.Core.SetAttribute(name, current + by);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Relates the record named by the argument's key: a belongs-to sets the foreign key; a has-many or has-one points the
    /// destination record at this one after the write (in the action's transaction); a many-to-many creates the join
    /// record through the join resource's primary create action, unless it exists.
    /// </summary>
    public IChange<T> Relate<TRelated>(Expression<Func<T, TRelated>> relationship, string argument) => RelateChange(relationship, argument, relate: true);

    /// <summary>
    /// Unrelates the record named by the argument's key: a belongs-to clears the foreign key; a has-many clears the
    /// destination's; a many-to-many destroys the join records through the join resource's primary destroy action.
    /// </summary>
    public IChange<T> Unrelate<TRelated>(Expression<Func<T, TRelated>> relationship, string argument) => RelateChange(relationship, argument, relate: false);

    /// <summary>
    /// Makes a has-many list match the argument (a list of maps): a map with the key of a related record updates it,
    /// one without a key creates a record, and related records the list leaves out are destroyed — through the
    /// destination's primary actions, in the action's transaction.
    /// </summary>
    public IChange<T> Manage<TRelated>(Expression<Func<T, TRelated>> relationship, string argument)
    {
        var name = MemberNames.Of(relationship);
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

    private static BuiltInChange<T> RelateChange<TRelated>(Expression<Func<T, TRelated>> relationship, string argument, bool relate)
    {
        var name = MemberNames.Of(relationship);
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
