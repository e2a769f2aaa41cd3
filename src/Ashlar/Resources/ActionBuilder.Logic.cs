using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ashlar.Actions;
using Ashlar.Errors;
using Ashlar.Types;

namespace Ashlar.Resources;

public sealed partial class ActionBuilder<T>
{
    private readonly List<ArgumentDefinition> _arguments = [];
    private readonly List<IActionStep> _steps = [];
    private readonly List<LambdaExpression> _filters = [];
    private readonly List<(LambdaExpression Field, bool Descending)> _sorts = [];
    private readonly List<string> _loads = [];
    private int? _limit;
    private int? _defaultPageSize;
    private int? _maxPageSize;
    private bool _get;
    private string? _softDestroy;

    /// <summary>
    /// Declares an argument: an input that is not an attribute, typed and constrained like one, read by changes,
    /// validations and hooks and never stored unless a change stores it: <c>a.Argument&lt;string&gt;("reason", x =&gt; x.Required().MaxLength(200))</c>.
    /// </summary>
    public ActionBuilder<T> Argument<TValue>(string name, Action<ArgumentBuilder<TValue>>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var clrType = typeof(TValue);
        var builder = new ArgumentBuilder<TValue>(new ArgumentDefinition
        {
            Name = Naming.ToSnakeCase(name),
            ClrType = clrType,
            Type = AttributeType.Infer(clrType),
            AllowNil = !clrType.IsValueType || Nullable.GetUnderlyingType(clrType) is not null,
        });
        configure?.Invoke(builder);
        _arguments.Add(builder.Definition);
        return this;
    }

    /// <summary>Adds a built-in validation, run before the write: <c>a.Validate(v =&gt; v.Present(p =&gt; p.Title))</c>.</summary>
    /// <param name="validation">Picks the validation.</param>
    /// <param name="where">Runs the validation only when this holds.</param>
    /// <param name="message">Replaces the validation's message.</param>
    public ActionBuilder<T> Validate(Func<ValidationFactory<T>, IValidation<T>> validation, Func<Changeset<T>, bool>? where = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var chosen = validation(new ValidationFactory<T>());
        return Validate(chosen is BuiltInValidation<T> builtIn && message is not null ? WithMessage(builtIn, message) : chosen, where);
    }

    /// <summary>Adds a custom validation, run before the write in declaration order.</summary>
    /// <param name="validation">The validation.</param>
    /// <param name="where">Runs the validation only when this holds.</param>
    public ActionBuilder<T> Validate(IValidation<T> validation, Func<Changeset<T>, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var builtIn = validation as BuiltInValidation<T>;
        _steps.Add(new ActionStep<T>(true, $"validation {builtIn?.Name ?? validation.GetType().Name}{(builtIn is null ? "" : $"({builtIn.Field})")}",
            Concat(builtIn?.Reads, builtIn?.Relationship is { } relationship ? "relationship:" + relationship : null), [],
            (changeset, ct) => validation.ValidateAsync(changeset, changeset.Context, ct), where, perRow: builtIn is not { Relationship: not null },
            queryWriteRefusal: builtIn switch
            {
                { Relationship: { } related } => $"reads the related records of {related}, record by record; check the stored row in the statement with a.ValidateAtomically(...)",
                null => "is a custom validation, which reads the record in memory; check the stored row in the statement with a.ValidateAtomically(...)",
                _ => null,
            }));
        return this;
    }

    /// <summary>Adds a built-in change, run before the write: <c>a.Change(c =&gt; c.SetFromArgument(p =&gt; p.Reason, "reason"))</c>.</summary>
    /// <param name="change">Picks the change.</param>
    /// <param name="where">Runs the change only when this holds.</param>
    public ActionBuilder<T> Change(Func<ChangeFactory<T>, IChange<T>> change, Func<Changeset<T>, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Change(change(new ChangeFactory<T>()), where);
    }

    /// <summary>Adds a custom change, run before the write in declaration order.</summary>
    /// <param name="change">The change.</param>
    /// <param name="where">Runs the change only when this holds.</param>
    public ActionBuilder<T> Change(IChange<T> change, Func<Changeset<T>, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var builtIn = change as BuiltInChange<T>;
        _steps.Add(new ActionStep<T>(false, $"change {builtIn?.Name ?? change.GetType().Name}",
            Concat(builtIn?.Reads, builtIn?.Relationship is { } relationship ? "relationship:" + relationship : null), builtIn?.Sets ?? [],
            (changeset, ct) => change.ChangeAsync(changeset, changeset.Context, ct), where,
            perRow: builtIn is { Relationship: null, Name: "set" or "set_from_argument" or "set_to" },
            atomic: builtIn?.Atomic ?? (change is IAtomicChange<T> atomic ? (changeset, ct) => atomic.AtomicAsync(changeset, changeset.Context, ct) : null),
            queryWriteRefusal: builtIn switch
            {
                { Relationship: { } related } => $"writes the related records of {related}, record by record; relate them one by one with UpdateAsync",
                { Name: "set_to" } => "computes a value from the record in memory; make it in the statement with a.Atomic(attribute, expression) or an IAtomicChange<T>",
                { Atomic: null, Name: not ("set" or "set_from_argument") } => "has no atomic form",
                null when change is not IAtomicChange<T> => "is a custom change without an atomic form; implement IAtomicChange<T>, whose AtomicAsync sets attributes with changeset.SetAtomically(...) computed in the statement",
                _ => null,
            }));
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> in the action's transaction just before the write; errors it adds stop the write.</summary>
    public ActionBuilder<T> BeforeAction(Func<Changeset<T>, CancellationToken, ValueTask> hook) =>
        Hook("before_action", changeset => changeset.BeforeAction(hook));

    /// <summary>
    /// Runs <paramref name="hook"/> in the action's transaction after the write, with the record as stored; when it
    /// throws or adds an error the write is rolled back and its error surfaces.
    /// </summary>
    public ActionBuilder<T> AfterAction(Func<Changeset<T>, T, CancellationToken, ValueTask> hook) =>
        Hook("after_action", changeset => changeset.AfterAction(hook));

    /// <summary>Runs <paramref name="hook"/> after the transaction ends, committed or not (see <see cref="ActionOutcome{T}"/>).</summary>
    public ActionBuilder<T> AfterTransaction(Func<Changeset<T>, ActionOutcome<T>, CancellationToken, ValueTask> hook) =>
        Hook("after_transaction", changeset => changeset.AfterTransaction(hook));

    /// <summary>
    /// Makes a destroy action soft: instead of deleting the row it sets <paramref name="attribute"/> to the current
    /// time. Reads still see the record unless a read action filters it out (<c>a.Filter(p =&gt; p.ArchivedAt == null)</c>).
    /// </summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public ActionBuilder<T> Soft<TValue>(Func<T, TValue> attribute, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        _softDestroy = MemberSelectorText.NameOrThrow(typeof(T), typeof(TValue), attributeText, "action soft");
        return this;
    }

    /// <summary>A read action's filter, added to every query run through it.</summary>
    public ActionBuilder<T> Filter(Expression<Func<T, bool>> predicate)
    {
        _filters.Add(predicate);
        return this;
    }

    /// <summary>A read action's filter reading the action's arguments: <c>(p, args) =&gt; p.Status == args.Get&lt;string&gt;("status")</c>.</summary>
    public ActionBuilder<T> Filter(Expression<Func<T, CalculationArguments, bool>> predicate)
    {
        _filters.Add(predicate);
        return this;
    }

    /// <summary>A read action's sort, used when the query gives none; later calls break ties.</summary>
    public ActionBuilder<T> Sort<TValue>(Expression<Func<T, TValue>> field, bool descending = false)
    {
        _sorts.Add((field, descending));
        return this;
    }

    /// <summary>A read action's limit: at most this many records, unless the query asks for fewer.</summary>
    public ActionBuilder<T> Limit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
        return this;
    }

    /// <summary>A relationship a read action loads into every record.</summary>
    /// <remarks>The relationship is a lambda written at the call (<c>x =&gt; x.Name</c>); the compiler fills in <c>relationshipText</c> with its source text.</remarks>
    public ActionBuilder<T> Load<TRelated>(Func<T, TRelated> relationship, [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
    {
        var property = MemberSelectorText.Select(typeof(T), typeof(TRelated), relationshipText, out var problem, out var fix);
        _loads.Add(property?.Name ?? throw new DeclarationException([new DeclarationProblem(typeof(T).Name, "action load", problem, fix)]));
        return this;
    }

    /// <summary>A read action's page sizes: used when <c>PageAsync</c> is given no limit, and the most any page may hold.</summary>
    public ActionBuilder<T> Pagination(int defaultPageSize, int? maxPageSize = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(defaultPageSize);
        _defaultPageSize = defaultPageSize;
        _maxPageSize = maxPageSize;
        return this;
    }

    /// <summary>Makes a read action return one record (run it with <c>ReadOneAsync</c>).</summary>
    public ActionBuilder<T> Get(bool get = true)
    {
        _get = get;
        return this;
    }

    private ActionBuilder<T> Hook(string name, Action<Changeset<T>> add)
    {
        _steps.Add(new ActionStep<T>(false, name, [], [], (changeset, _) =>
        {
            add(changeset);
            return ValueTask.CompletedTask;
        }, null, queryWriteRefusal: "runs around the write of each record, which a write by query does not read; write the records one by one"));
        return this;
    }

    private ActionDefinition WithLogic(ActionDefinition definition)
    {
        var preparations = _filters.Count + _sorts.Count + _loads.Count > 0 || _limit is not null
            ? new ReadPreparations { Filters = _filters.ToList(), Sorts = _sorts.ToList(), Limit = _limit, Loads = _loads.ToList() }
            : null;
        return definition with
        {
            Arguments = _arguments.Count == 0 ? [] : _arguments.ToList(),
            Steps = _steps.Count == 0 ? [] : _steps.ToList(),
            SoftDestroyAttribute = _softDestroy,
            Preparations = preparations,
            DefaultPageSize = _defaultPageSize,
            MaxPageSize = _maxPageSize,
            Get = _get,
            HasLogic = _arguments.Count > 0 || _steps.Count > 0 || _softDestroy is not null,
        };
    }

    private static BuiltInValidation<T> WithMessage(BuiltInValidation<T> validation, string message) =>
        new(validation.Name, validation.Field, validation.Check) { Message = message, Reads = validation.Reads, Relationship = validation.Relationship };

    private static IEnumerable<string> Concat(IEnumerable<string>? reads, string? extra) =>
        (reads ?? []).Concat(extra is null ? [] : [extra]);
}
