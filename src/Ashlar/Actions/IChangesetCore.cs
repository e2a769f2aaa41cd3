using System.Linq.Expressions;

namespace Ashlar.Actions;

/// <summary>
/// What an action's changes, validations and hooks read and write of a running changeset, by field name; the typed
/// view users see wraps it.
/// </summary>
internal interface IChangesetCore
{
    ActionDefinition Action { get; }

    string ResourceName { get; }

    /// <summary>The record being updated or destroyed, or null on create.</summary>
    object? Record { get; }

    /// <summary>The tenant the action runs in.</summary>
    string? Tenant { get; }

    /// <summary>The typed view of this changeset, created by the first step that needs it.</summary>
    object? View { get; set; }

    /// <summary>The call's context (an <c>ActionContext</c>).</summary>
    object Context { get; }

    bool HasErrors { get; }

    /// <summary>True when the input given for the field was refused; validations of it are then skipped.</summary>
    bool HasErrorOn(string field);

    bool IsArgument(string name);

    /// <summary>The argument's value, or null when the input gave none and it has no default.</summary>
    object? Argument(string name);

    /// <summary>The value the attribute will have: the changed one, else the record's, else nil.</summary>
    object? Attribute(string name);

    /// <summary>True when the write changes the attribute.</summary>
    bool IsChanging(string name);

    /// <summary>Sets an attribute (cast and checked against its constraints; a failure becomes an error).</summary>
    void SetAttribute(string name, object? value);

    /// <summary>True when changes with an atomic form run it: an update, of one record or by query.</summary>
    bool PrefersAtomic { get; }

    /// <summary>True for an update or destroy by query: no record is in memory.</summary>
    bool IsQueryWrite { get; }

    /// <summary>
    /// Sets an attribute to an expression of the stored row, computed in the update statement; composed with an earlier
    /// value or expression of the same attribute.
    /// </summary>
    void SetAtomic(string name, LambdaExpression value);

    void AddError(string field, string message);

    void AddHook(ActionHookKind kind, Func<object?, Exception?, CancellationToken, ValueTask> hook);
}
