using System.Linq.Expressions;
using System.Text.Json;
using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Changesets;

/// <summary>The part of a changeset that only actions with arguments, changes, validations or hooks use.</summary>
internal sealed partial class Changeset : IChangesetCore
{
    private Dictionary<string, object?>? _arguments;
    private object? _record;
    private string? _tenant;
    private List<(ActionHookKind Kind, Func<object?, Exception?, CancellationToken, ValueTask> Hook)>? _hooks;
    private bool _finished;
    private bool _hasAtomics;
    private int _inputErrors;
    private bool _queryWrite;
    private List<KeyValuePair<string, LambdaExpression>>? _stepAtomics;

    /// <summary>A changeset the action's steps run on; <see cref="Finish"/> completes it once they have.</summary>
    public static Changeset Begin(ResourceDefinition resource, ActionDefinition action, object? record, object? input, TimeProvider time,
        string? tenant, FieldValue? owner, ActionContext context, bool atomic = false)
    {
        var changeset = new Changeset(resource, action, time) { _record = record, _tenant = tenant, Context = context, HasAtomics = atomic };
        changeset.Accept(input);
        changeset.CompleteArguments();
        if (record is null)
        {
            if (owner is { } value)
            {
                changeset.SetTenant(value);
            }

            changeset.ApplyDefaults(onCreate: true);
        }

        return changeset;
    }

    /// <summary>
    /// A changeset for an update or destroy by query with logic: no record is in memory, so steps see the input,
    /// arguments and what earlier steps set; <see cref="Finish"/> checks only the values given.
    /// </summary>
    public static Changeset BeginQueryWrite(ResourceDefinition resource, ActionDefinition action, object? input, TimeProvider time, string? tenant, ActionContext context, bool atomic)
    {
        var changeset = new Changeset(resource, action, time) { _tenant = tenant, _queryWrite = true, Context = context, _hasAtomics = atomic };
        changeset.Accept(input);
        changeset.CompleteArguments();
        return changeset;
    }

    /// <summary>A changeset that only reads a read action's arguments: any other input is refused.</summary>
    public static Changeset ForArguments(ResourceDefinition resource, ActionDefinition action, object? input)
    {
        var changeset = new Changeset(resource, action with { Accept = [], Set = new Dictionary<string, object?>() }, TimeProvider.System);
        changeset.Accept(input);
        changeset.CompleteArguments();
        return changeset;
    }

    public ActionDefinition Action => _action;

    public string ResourceName => _resource.Name;

    public object? Record => _record;

    public string? Tenant => _tenant;

    public object? View { get; set; }

    public object Context { get; private init; } = null!;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>True when the update also makes atomic changes, so update defaults such as <c>updated_at</c> apply even without values.</summary>
    public bool HasAtomics
    {
        get => _hasAtomics || _stepAtomics is { Count: > 0 };
        init => _hasAtomics = value;
    }

    /// <summary>The atomic changes the action's steps made (<see cref="SetAtomic"/>), in the order first made.</summary>
    public IReadOnlyList<KeyValuePair<string, LambdaExpression>> StepAtomics => _stepAtomics ?? [];

    public bool PrefersAtomic => _action.Kind == ActionKind.Update;

    public bool IsQueryWrite => _queryWrite;

    /// <summary>True when the action's steps added hooks that run in its transaction.</summary>
    public bool HasActionHooks => _hooks?.Exists(h => h.Kind != ActionHookKind.AfterTransaction) == true;

    public bool HasAfterTransactionHooks => _hooks?.Exists(h => h.Kind == ActionHookKind.AfterTransaction) == true;

    /// <summary>Runs the action's changes and validations in order; changes stop running once something failed.</summary>
    public async ValueTask RunStepsAsync(CancellationToken cancellationToken)
    {
        _inputErrors = _errors.Count;
        foreach (var step in _action.Steps)
        {
            if (_queryWrite && step.IsValidation)
            {
                RefuseRecordRead(step);
            }

            if (step.IsValidation || _errors.Count == 0)
            {
                await step.RunAsync(this, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What <see cref="ForCreate"/> and <see cref="ForUpdate"/> do after accepting input: required values, unchanged values, defaults.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_queryWrite)
        {
            CheckRequired(_values.Keys.Select(k => _resource.Attribute(k)!));
            RefuseTenantChange();
            if (HasChanges || HasAtomics)
            {
                ApplyDefaults(onCreate: false);
            }

            return;
        }

        if (_record is null)
        {
            CheckRequired(_resource.Attributes.Where(a => !a.Identity && a.GeneratedSql is null));
            return;
        }

        CheckRequired(_values.Keys.Select(k => _resource.Attribute(k)!));
        DropUnchanged(_record);
        RefuseTenantChange();
        if (HasChanges || HasAtomics)
        {
            ApplyDefaults(onCreate: false);
        }
    }

    /// <summary>Runs the hooks of one kind in the order added; a hook's exception propagates.</summary>
    public async ValueTask RunHooksAsync(ActionHookKind kind, object? record, Exception? error, CancellationToken cancellationToken)
    {
        if (_hooks is null)
        {
            return;
        }

        for (var i = 0; i < _hooks.Count; i++)
        {
            if (_hooks[i].Kind == kind)
            {
                await _hooks[i].Hook(record, error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the input given for <paramref name="field"/> was refused (before any change or validation ran).</summary>
    public bool HasErrorOn(string field)
    {
        for (var i = 0; i < _inputErrors; i++)
        {
            if (_errors[i].Field == field)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsArgument(string name) => FindArgument(name) is not null;

    public object? Argument(string name) => _arguments?.GetValueOrDefault(name);

    public object? Attribute(string name) =>
        _values.TryGetValue(name, out var value) ? value : _record is null ? null : _resource.GetValue(_record, name);

    public bool IsChanging(string name) => _values.ContainsKey(name);

    public void SetAttribute(string name, object? value)
    {
        var attribute = _resource.Attribute(name)
            ?? throw new InvalidOperationException($"{_resource.Name} has no attribute {name}; the domain build checks changes, so this is a bug.");
        if (!ValueCaster.TryCast(attribute.Type, value, out var cast, out var castError))
        {
            Error(new InvalidAttribute(castError!), name);
            return;
        }

        if (cast is not null && Constraints.Check(attribute, cast) is { } violation)
        {
            Error(new InvalidAttribute(violation), name);
            return;
        }

        _values[name] = cast;
        _stepAtomics?.RemoveAll(a => a.Key == name);
    }

    public void SetAtomic(string name, LambdaExpression value)
    {
        if (_resource.Attribute(name) is null)
        {
            throw new ArgumentException($"{_resource.Name} has no attribute {name}; an atomic change sets an attribute.", nameof(name));
        }

        _stepAtomics ??= [];
        var earlier = _stepAtomics.FindIndex(a => a.Key == name);
        if (_values.Remove(name, out var given))
        {
            value = AtomicComposer.Over(value, name, (_, type) => AtomicComposer.Constant(given, type));
        }
        else if (earlier >= 0)
        {
            var previous = _stepAtomics[earlier].Value;
            value = AtomicComposer.Over(value, name, (parameter, _) => AtomicComposer.BodyOver(previous, parameter));
        }

        if (earlier >= 0)
        {
            _stepAtomics[earlier] = new(name, value);
        }
        else
        {
            _stepAtomics.Add(new(name, value));
        }
    }

    /// <summary>Sets a timestamp attribute to the current time (a soft destroy's archive attribute).</summary>
    public void SetNow(string name) => _values[name] = DefaultValue.Now.Produce(_resource.Attribute(name)!.Type.ClrType, _time);

    public void AddError(string field, string message) =>
        Error(IsArgument(field) ? new InvalidArgument(message) : new InvalidAttribute(message), field);

    public void AddHook(ActionHookKind kind, Func<object?, Exception?, CancellationToken, ValueTask> hook) =>
        (_hooks ??= []).Add((kind, hook));

    private void RefuseTenantChange()
    {
        if (_resource.Multitenancy?.Attribute is { } tenantAttribute && _values.ContainsKey(tenantAttribute.Name))
        {
            Error(new InvalidTenant("cannot change: a record stays in its tenant; create it in the other tenant instead"), tenantAttribute.Name);
        }
    }

    /// <summary>
    /// A validation in a write by query reads only arguments and the values the call sets: a stored value is not in
    /// memory, so a validation reading one is refused rather than run on nil.
    /// </summary>
    private void RefuseRecordRead(IActionStep step)
    {
        foreach (var field in step.Reads)
        {
            if (!IsArgument(field) && !IsChanging(field))
            {
                throw AshlarException.From(new UnsupportedFeature(
                    $"{_action} has {step.Description}, which reads {field}: this write by query does not set it, and the stored values are not read into memory; " +
                    $"give {field} a value in the input, check the stored row with a.ValidateAtomically(...), or update the records one by one")
                { Resource = _resource.Name, Field = field });
            }
        }
    }

    private ArgumentDefinition? FindArgument(string name)
    {
        var arguments = _action.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name == name)
            {
                return arguments[i];
            }
        }

        return null;
    }

    /// <summary>Takes <paramref name="key"/> as an argument when the action declares one by that name (or its snake_case form).</summary>
    private bool AcceptArgument(string key, object? raw)
    {
        var argument = FindArgument(key) ?? FindArgument(Naming.ToSnakeCase(key));
        if (argument is null)
        {
            return false;
        }

        _arguments ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!TryCastArgument(argument, raw, out var value, out var problem))
        {
            Error(new InvalidArgument(problem!), argument.Name);
            return true;
        }

        _arguments[argument.Name] = value;
        return true;
    }

    private static bool TryCastArgument(ArgumentDefinition argument, object? raw, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        if (argument.Type is { } type)
        {
            if (!ValueCaster.TryCast(type, raw, out value, out problem))
            {
                return false;
            }
        }
        else if (raw is null || argument.ClrType.IsInstanceOfType(raw))
        {
            value = raw;
        }
        else if (raw is JsonElement json)
        {
            try
            {
                value = json.Deserialize(argument.ClrType);
            }
            catch (JsonException)
            {
                problem = $"is invalid: cannot cast {json.ValueKind} to {argument.ClrType.Name}";
                return false;
            }
        }
        else
        {
            problem = $"is invalid: cannot cast {raw.GetType().Name} to {argument.ClrType.Name}";
            return false;
        }

        problem = value is null ? null : ArgumentConstraints.Check(argument, value);
        return problem is null;
    }

    /// <summary>Defaults for arguments the input left out, and a <see cref="Required"/> error for each that must have a value.</summary>
    private void CompleteArguments()
    {
        foreach (var argument in _action.Arguments)
        {
            _arguments ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            if (_arguments.GetValueOrDefault(argument.Name) is null && argument.Default is not null)
            {
                _arguments[argument.Name] = argument.Default;
            }

            if (!argument.AllowNil && _arguments.GetValueOrDefault(argument.Name) is null && !_errors.Exists(e => e.Field == argument.Name))
            {
                Error(new Required(), argument.Name);
            }
        }
    }
}
