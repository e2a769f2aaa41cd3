using Ashlar.Actions;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Changesets;

/// <summary>
/// Turns an action's input into the values a write plan carries: matches names, casts values, applies defaults,
/// checks constraints and required attributes. Every error is collected before anything is written.
/// </summary>
internal sealed partial class Changeset
{
    private readonly ResourceDefinition _resource;
    private readonly ActionDefinition _action;
    private readonly TimeProvider _time;
    private readonly List<AshlarError> _errors = [];
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    private Changeset(ResourceDefinition resource, ActionDefinition action, TimeProvider time)
    {
        _resource = resource;
        _action = action;
        _time = time;
    }

    public IReadOnlyList<AshlarError> Errors => _errors;

    public static Changeset ForCreate(ResourceDefinition resource, ActionDefinition action, object? input, TimeProvider time, FieldValue? tenant = null)
    {
        var changeset = new Changeset(resource, action, time);
        changeset.Accept(input is not null && input.GetType() == resource.ClrType ? TypedInput.ForCreate(resource, action, input) : input);
        if (tenant is { } owner)
        {
            changeset.SetTenant(owner);
        }

        changeset.ApplyDefaults(onCreate: true);
        changeset.CheckRequired(resource.Attributes.Where(a => !a.Identity && a.GeneratedSql is null));
        return changeset;
    }

    /// <summary>
    /// The changes to <paramref name="record"/>: values it already holds (as stored, see <see cref="StoredEquality"/>)
    /// are dropped, and update defaults such as <c>updated_at</c> apply only when something is left.
    /// </summary>
    public static Changeset ForUpdate(ResourceDefinition resource, ActionDefinition action, object record, object? input, TimeProvider time, bool atomic = false)
    {
        var changeset = new Changeset(resource, action, time);
        changeset.Accept(input);
        changeset.CheckRequired(changeset._values.Keys.Select(k => resource.Attribute(k)!));
        changeset.DropUnchanged(record);
        if (resource.Multitenancy?.Attribute is { } tenantAttribute && changeset._values.ContainsKey(tenantAttribute.Name))
        {
            changeset.Error(new InvalidTenant("cannot change: a record stays in its tenant; create it in the other tenant instead"), tenantAttribute.Name);
        }

        if (changeset.HasChanges || atomic)
        {
            changeset.ApplyDefaults(onCreate: false);
        }

        return changeset;
    }

    /// <summary>The changes an update action makes to every record a query selects: the input and update defaults.</summary>
    public static Changeset ForUpdateAll(ResourceDefinition resource, ActionDefinition action, object? input, TimeProvider time, bool atomic = false)
    {
        var changeset = new Changeset(resource, action, time);
        changeset.Accept(input);
        changeset.CheckRequired(changeset._values.Keys.Select(k => resource.Attribute(k)!));
        if (changeset.HasChanges || atomic)
        {
            changeset.ApplyDefaults(onCreate: false);
        }

        return changeset;
    }

    /// <summary>False when the write would leave the record as it is.</summary>
    public bool HasChanges => _values.Count > 0;

    public IReadOnlyList<FieldValue> Values =>
        _resource.Attributes.Where(a => _values.ContainsKey(a.Name)).Select(a => new FieldValue(a, _values[a.Name])).ToList();

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw AshlarException.From(_errors);
        }
    }

    private void Accept(object? input)
    {
        if (input is not null && input.GetType() == _resource.ClrType)
        {
            var example = _action.Accept.Count > 0 ? _resource.Attribute(_action.Accept[0])!.Property.Name : "Property";
            _errors.Add(new NoSuchInput(
                $"the input is a {_resource.Name} object, which {_action} does not read: pass the change as a lambda, " +
                $"UpdateAsync(record, r => r.{example} = ...), or the values as an anonymous object, a dictionary or JSON")
            { Resource = _resource.Name });
            return;
        }

        foreach (var (key, raw) in InputReader.Read(input, _resource.Name))
        {
            if (_action.Arguments.Count > 0 && AcceptArgument(key, raw))
            {
                continue;
            }

            var attribute = _resource.Attribute(key) ?? _resource.Attribute(Naming.ToSnakeCase(key));
            if (attribute is null || !_action.Accept.Contains(attribute.Name))
            {
                var reason = attribute is not null
                    ? $"cannot be changed by {_action}; it accepts {Describe(_action.Accept)}"
                    : (_resource.Relationship(key) ?? _resource.Relationship(Naming.ToSnakeCase(key))) is { } related
                        ? $"is a relationship, which {_action} does not write" +
                          (related.Kind == RelationshipKind.BelongsTo ? $"; set its key {related.SourceAttribute} instead" : "")
                        : $"is not an input of {_action}";
                Error(new NoSuchInput(reason), attribute?.Name ?? key);
                continue;
            }

            if (!ValueCaster.TryCast(attribute.Type, raw, out var value, out var castError))
            {
                Error(new InvalidAttribute(castError!), attribute.Name);
                continue;
            }

            if (value is not null && Constraints.Check(attribute, value) is { } violation)
            {
                Error(new InvalidAttribute(violation), attribute.Name);
                continue;
            }

            _values[attribute.Name] = value;
        }

        foreach (var (name, value) in _action.Set)
        {
            _values[name] = value;
        }
    }

    /// <summary>A tenant-column record belongs to the tenant it is created in; input naming another is refused.</summary>
    private void SetTenant(FieldValue tenant)
    {
        var name = tenant.Attribute.Name;
        if (_values.TryGetValue(name, out var given) && given is not null && !StoredEquality.Same(tenant.Attribute.Type, given, tenant.Value))
        {
            Error(new InvalidTenant($"is {given}, but the record is created in the tenant {tenant.Value}; leave it out, it is set from the tenant"), name);
            return;
        }

        _values[name] = tenant.Value;
    }

    private void DropUnchanged(object record)
    {
        foreach (var attribute in _resource.Attributes)
        {
            if (_values.TryGetValue(attribute.Name, out var value) &&
                StoredEquality.Same(attribute.Type, _resource.GetValue(record, attribute.Name), value))
            {
                _values.Remove(attribute.Name);
            }
        }
    }

    private void ApplyDefaults(bool onCreate)
    {
        foreach (var attribute in _resource.Attributes)
        {
            if (onCreate && attribute.Default is { } onInsert && !_values.ContainsKey(attribute.Name))
            {
                _values[attribute.Name] = onInsert.Produce(attribute.Type.ClrType, _time);
            }
            else if (!onCreate && attribute.UpdateDefault is { } onChange)
            {
                _values[attribute.Name] = onChange.Produce(attribute.Type.ClrType, _time);
            }
        }
    }

    private void CheckRequired(IEnumerable<AttributeDefinition> attributes)
    {
        foreach (var attribute in attributes.Where(a => !a.AllowNil))
        {
            if (_values.GetValueOrDefault(attribute.Name) is null && !_errors.Any(e => e.Field == attribute.Name))
            {
                Error(new Required(), attribute.Name);
            }
        }
    }

    private void Error(AshlarError error, string field) =>
        _errors.Add(error with { Resource = _resource.Name, Field = field });

    private static string Describe(IReadOnlyList<string> accepted) =>
        accepted.Count == 0 ? "no input" : string.Join(", ", accepted);
}
