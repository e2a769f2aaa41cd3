using Ashlar.Actions;
using Ashlar.Changesets;
using Ashlar.DataLayer;
using Ashlar.Resources;
using Ashlar.Types;

namespace Ashlar.Bulk;

/// <summary>
/// The fast path of a bulk create whose action has no logic: turns a valid input straight into its row — one value per
/// plan column, in the plan's order — with the checks and defaults of <see cref="Changeset.ForCreate"/>, but without a
/// changeset, dictionaries or LINQ per row. It only takes the inputs it is sure of: anything that would be an error
/// (or that it does not handle) returns null, and the caller runs the full changeset, whose errors are the reference.
/// </summary>
internal sealed class BulkRowBuilder
{
    private const int Unresolved = -2;
    private const int Refused = -1;

    private readonly ResourceDefinition _resource;
    private readonly ActionDefinition _action;
    private readonly IReadOnlyList<AttributeDefinition> _columns;
    private readonly TimeProvider _time;
    private readonly FieldValue? _owner;
    private readonly int _ownerColumn;
    private readonly (int Column, object? Value)[] _sets;
    private readonly int[] _required;
    private readonly int[] _defaulted;
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly bool[] _present;

    // The last input's names and their columns: inputs of one type (or JSON objects of one shape) carry the same names.
    private string[] _lastNames = [];
    private int[] _lastColumns = [];

    private BulkRowBuilder(ResourceDefinition resource, ActionDefinition action, IReadOnlyList<AttributeDefinition> columns, TimeProvider time, FieldValue? owner)
    {
        _resource = resource;
        _action = action;
        _columns = columns;
        _time = time;
        _owner = owner;
        _ownerColumn = owner is { } tenant ? IndexOf(columns, tenant.Attribute.Name) : Refused;
        _sets = [.. action.Set.Select(s => (IndexOf(columns, s.Key), s.Value))];
        _required = [.. columns.Select((c, i) => (c, i)).Where(x => !x.c.AllowNil).Select(x => x.i)];
        _defaulted = [.. columns.Select((c, i) => (c, i)).Where(x => x.c.Default is not null).Select(x => x.i)];
        _present = new bool[columns.Count];
    }

    /// <summary>The builder for a run, or null when its action or columns need the full changeset on every row.</summary>
    public static BulkRowBuilder? For(ResourceDefinition resource, ActionDefinition action, IReadOnlyList<AttributeDefinition> columns, TimeProvider time, FieldValue? owner)
    {
        var builder = new BulkRowBuilder(resource, action, columns, time, owner);
        var requiredElsewhere = resource.Attributes.Any(a => !a.Identity && a.GeneratedSql is null && !a.AllowNil && !columns.Contains(a));
        return action.HasLogic || action.Arguments.Count > 0 || requiredElsewhere ||
            (owner is not null && builder._ownerColumn < 0) || builder._sets.Any(s => s.Column < 0)
            ? null
            : builder;
    }

    /// <summary>
    /// The input's row, aligned with the plan's columns (a column without a value holds null, as an absent one does), or
    /// null when the input needs the full changeset: an error, or a case this path does not take.
    /// </summary>
    public FieldValue[]? TryBuild(object? input)
    {
        if (input is not null && input.GetType() == _resource.ClrType)
        {
            return null;
        }

        var row = new FieldValue[_columns.Count];
        for (var c = 0; c < row.Length; c++)
        {
            row[c] = new FieldValue(_columns[c], null);
        }

        Array.Clear(_present);
        var pairs = InputReader.Read(input, _resource.Name);
        if (!ReferenceEquals(_lastNames, Names(pairs)))
        {
            Remember(pairs);
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var column = _lastColumns[i];
            if (column < 0)
            {
                return null;
            }

            var attribute = _columns[column];
            if (!ValueCaster.TryCast(attribute.Type, pairs[i].Value, out var value, out _) ||
                (value is not null && Constraints.Check(attribute, value) is not null))
            {
                return null;
            }

            row[column] = new FieldValue(attribute, value);
            _present[column] = true;
        }

        foreach (var (column, value) in _sets)
        {
            row[column] = new FieldValue(_columns[column], value);
            _present[column] = true;
        }

        if (_owner is { } owner)
        {
            if (row[_ownerColumn].Value is { } given && !StoredEquality.Same(owner.Attribute.Type, given, owner.Value))
            {
                return null;
            }

            row[_ownerColumn] = new FieldValue(_columns[_ownerColumn], owner.Value);
            _present[_ownerColumn] = true;
        }

        foreach (var column in _defaulted)
        {
            if (!_present[column])
            {
                var attribute = _columns[column];
                row[column] = new FieldValue(attribute, attribute.Default!.Produce(attribute.Type.ClrType, _time));
            }
        }

        foreach (var column in _required)
        {
            if (row[column].Value is null)
            {
                return null;
            }
        }

        return row;
    }

    /// <summary>The names of the last input when <paramref name="pairs"/> has the same ones (inputs of one type share them), else null.</summary>
    private string[]? Names(IReadOnlyList<KeyValuePair<string, object?>> pairs)
    {
        if (pairs.Count != _lastNames.Length)
        {
            return null;
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            if (!string.Equals(pairs[i].Key, _lastNames[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return _lastNames;
    }

    private void Remember(IReadOnlyList<KeyValuePair<string, object?>> pairs)
    {
        var names = new string[pairs.Count];
        var columns = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            names[i] = pairs[i].Key;
            columns[i] = Column(pairs[i].Key);
        }

        _lastNames = names;
        _lastColumns = columns;
    }

    /// <summary>The column an input name writes (as <c>Changeset</c> matches it), or <see cref="Refused"/> when it is an error.</summary>
    private int Column(string key)
    {
        var column = _keys.GetValueOrDefault(key, Unresolved);
        if (column != Unresolved)
        {
            return column;
        }

        var attribute = _resource.Attribute(key) ?? _resource.Attribute(Naming.ToSnakeCase(key));
        column = attribute is not null && _action.Accept.Contains(attribute.Name) ? IndexOf(_columns, attribute.Name) : Refused;
        _keys[key] = column;
        return column;
    }

    private static int IndexOf(IReadOnlyList<AttributeDefinition> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name)
            {
                return i;
            }
        }

        return Refused;
    }
}
