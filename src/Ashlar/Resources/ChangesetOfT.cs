using System.Linq.Expressions;
using Ashlar.Actions;

namespace Ashlar.Resources;

/// <summary>
/// A running action as its changes, validations and hooks see it: the input, the action's arguments, the record being
/// changed, and the values about to be written. Setting an attribute casts and checks it like input does.
/// </summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class Changeset<T>
    where T : class
{
    internal Changeset(IChangesetCore core, ActionContext context)
    {
        Core = core;
        Context = context;
    }

    internal IChangesetCore Core { get; }

    /// <summary>The typed view of a running changeset, one per run so hooks see what changes set.</summary>
    internal static Changeset<T> Of(IChangesetCore core) =>
        (Changeset<T>)(core.View ??= new Changeset<T>(core, (ActionContext)core.Context));

    /// <summary>The call the action runs in: its tenant, and a runner for nested actions.</summary>
    public ActionContext Context { get; }

    /// <summary>The action running.</summary>
    public ActionDefinition Action => Core.Action;

    /// <summary>The record being updated or destroyed, as read; null on create.</summary>
    public T? Data => (T?)Core.Record;

    /// <summary>True when some input, change or validation has failed so far.</summary>
    public bool HasErrors => Core.HasErrors;

    /// <summary>The value of the argument called <paramref name="name"/>, or the default of <typeparamref name="TValue"/>.</summary>
    public TValue? GetArgument<TValue>(string name) => Core.Argument(name) is TValue value ? value : default;

    /// <summary>The value the attribute will have after the write: the new one when it changes, else the record's.</summary>
    public TValue? GetAttribute<TValue>(Expression<Func<T, TValue>> attribute) =>
        Core.Attribute(MemberNames.Of(attribute)) is TValue value ? value : default;

    /// <summary>The value of a field by name: the argument's when an argument has that name, else the attribute's.</summary>
    internal object? Field(string name) => Core.IsArgument(name) ? Core.Argument(name) : Core.Attribute(name);

    /// <summary>True when the write changes the attribute.</summary>
    public bool IsChanging<TValue>(Expression<Func<T, TValue>> attribute) => Core.IsChanging(MemberNames.Of(attribute));

    /// <summary>Sets an attribute; a value the attribute refuses becomes an error of the call.</summary>
    public Changeset<T> Set<TValue>(Expression<Func<T, TValue>> attribute, TValue value)
    {
        Core.SetAttribute(MemberNames.Of(attribute), value);
        return this;
    }

    /// <summary>
    /// Sets an attribute to an expression of the row as stored when the update statement runs, computed by the
    /// database: <c>changeset.SetAtomically(p =&gt; p.Views, p =&gt; p.Views + by)</c>. An attribute already given a value
    /// or an expression by this action is composed with it (<c>p.Views</c> reads the earlier one). Made by updates
    /// only; <see cref="GetAttribute{TValue}"/> still returns the value before the statement.
    /// </summary>
    /// <exception cref="ArgumentException">The attribute is not an attribute of the resource.</exception>
    public Changeset<T> SetAtomically<TValue>(Expression<Func<T, TValue>> attribute, Expression<Func<T, TValue>> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Core.SetAtomic(MemberNames.Of(attribute), value);
        return this;
    }

    /// <summary>Adds an error on a field (attribute or argument name); the action then writes nothing.</summary>
    public Changeset<T> AddError(string field, string message)
    {
        Core.AddError(field, message);
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> in the action's transaction, just before the write; errors it adds stop the write.</summary>
    public Changeset<T> BeforeAction(Func<Changeset<T>, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Core.AddHook(ActionHookKind.BeforeAction, (_, _, ct) => hook(this, ct));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="hook"/> in the action's transaction, after the write, with the record as stored; when it
    /// throws or adds an error the write is rolled back and the error surfaces.
    /// </summary>
    public Changeset<T> AfterAction(Func<Changeset<T>, T, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Core.AddHook(ActionHookKind.AfterAction, (record, _, ct) => hook(this, (T)record!, ct));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="hook"/> after the transaction ends (after the outermost one, when the action runs inside
    /// <c>TransactionAsync</c>), committed or rolled back.
    /// </summary>
    public Changeset<T> AfterTransaction(Func<Changeset<T>, ActionOutcome<T>, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Core.AddHook(ActionHookKind.AfterTransaction, (record, error, ct) => hook(this, new ActionOutcome<T>((T?)record, error), ct));
        return this;
    }

    /// <summary>The record as it will be after the write: a copy of <see cref="Data"/> (or a new record) with the changes applied.</summary>
    public T Preview()
    {
        var copy = Data is null ? Activator.CreateInstance<T>() : (T)CloneMethod.Invoke(Data, null)!;
        foreach (var property in typeof(T).GetProperties())
        {
            var name = Types.Naming.ToSnakeCase(property.Name);
            if (property.CanWrite && Core.IsChanging(name))
            {
                property.SetValue(copy, Core.Attribute(name));
            }
        }

        return copy;
    }

    private static readonly System.Reflection.MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
}
