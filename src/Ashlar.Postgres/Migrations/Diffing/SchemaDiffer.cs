using Ashlar.Postgres.Migrations.Operations;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>
/// Compares two <see cref="SchemaModel"/> values and lists the operations that turn the old into the new one.
/// It knows nothing of resources: the models may come from declarations, snapshots or the live catalog.
/// The operations are unordered; <see cref="OperationOrderer"/> sorts them.
/// </summary>
internal sealed partial class SchemaDiffer
{
    private readonly DiffOptions _options;
    private readonly List<MigrationOperation> _operations = [];
    private readonly List<string> _declined = [];
    private readonly List<string> _drops = [];
    private readonly List<string> _declinedColumns = [];
    private readonly List<string> _skipped = [];
    private readonly Dictionary<string, TablePair> _pairsByOldName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _primaryKeyChanged = new(StringComparer.Ordinal);

    private SchemaDiffer(DiffOptions options)
    {
        _options = options;
    }

    private ModelComparer Comparer => _options.Comparer;

    /// <summary>A prompt that can ask is asked about each drop, unless drops are allowed outright.</summary>
    private IRenamePrompt? DropPrompt => _options.AllowDrops ? null : _options.Prompt is { CanConfirmDrops: true } prompt ? prompt : null;

    public static DiffResult Diff(SchemaModel old, SchemaModel @new, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return new SchemaDiffer(options ?? new DiffOptions()).Run(old, @new);
    }

    private DiffResult Run(SchemaModel old, SchemaModel @new)
    {
        _operations.AddRange(@new.Schemas.Except(old.Schemas).Select(s => new CreateSchemaOperation(s)));
        _operations.AddRange(@new.Extensions.Except(old.Extensions).Select(e => new CreateExtensionOperation(e)));
        _operations.AddRange(@new.Functions.Except(old.Functions).Select(f => new CreateFunctionOperation(f)));

        var (pairs, added, dropped) = MatchTables(old, @new);
        foreach (var pair in pairs)
        {
            MatchColumns(pair);
            _pairsByOldName[pair.Old.QualifiedName] = pair;
        }

        // The primary key of Mapped(pair), without mapping the rest of the table.
        foreach (var pair in pairs.Where(p => !p.Old.PrimaryKey.Select(p.Column).SequenceEqual(p.New.PrimaryKey)))
        {
            _primaryKeyChanged.Add(pair.New.QualifiedName);
        }

        foreach (var table in dropped)
        {
            Drop(table);
        }

        foreach (var table in added)
        {
            Create(table);
        }

        foreach (var pair in pairs)
        {
            Alter(pair);
        }

        _operations.AddRange(old.Schemas.Except(@new.Schemas).Select(s => new DropSchemaOperation(s)));
        _operations.AddRange(old.Functions.Except(@new.Functions).Select(f => new DropFunctionOperation(f)));
        _operations.AddRange(old.Extensions.Except(@new.Extensions).Select(e => new DropExtensionOperation(e)));
        return new DiffResult(_operations, _declined, _drops, _declinedColumns, _skipped);
    }

    private void Create(TableModel table)
    {
        var (s, t) = (table.Schema, table.Name);
        _operations.Add(new CreateTableOperation(table));
        _operations.AddRange(table.Checks.Select(c => new AddCheckConstraintOperation(s, t, c, NewTable: true)));
        _operations.AddRange(table.Indexes.Select(i => new CreateIndexOperation(s, t, i, Concurrently: false)));
        _operations.AddRange(table.ForeignKeys.Select(k => new AddForeignKeyOperation(s, t, k, NewTable: true)));
        string? previous = null;
        foreach (var statement in table.Statements.Where(x => !x.OnDestroy))
        {
            _operations.Add(new RunStatementOperation(s, t, statement, previous));
            previous = statement.Name;
        }
    }

    private void Drop(TableModel table)
    {
        var (s, t) = (table.Schema, table.Name);
        _operations.AddRange(table.ForeignKeys.Select(k => new DropForeignKeyOperation(s, t, k)));
        _operations.AddRange(table.Statements.Where(x => !x.OnDestroy).Reverse().Select(x => new RevertStatementOperation(s, t, x)));
        _operations.Add(new DropTableOperation(table));
        _operations.AddRange(table.Statements.Where(x => x.OnDestroy).Select(x => new RunStatementOperation(s, t, x, null)));
    }

    /// <summary>The old table as the new names see it: renamed columns and referenced tables carry their new names.</summary>
    private TableModel Mapped(TablePair pair) => pair.Old with
    {
        Schema = pair.New.Schema,
        Name = pair.New.Name,
        PrimaryKey = pair.Old.PrimaryKey.Select(pair.Column).ToList(),
        Indexes = pair.Old.Indexes.Select(i => i with
        {
            Fields = i.Fields.Select(f => f.Column is null ? f : f with { Column = pair.Column(f.Column) }).ToList(),
            Include = i.Include.Select(pair.Column).ToList(),
        }).ToList(),
        ForeignKeys = pair.Old.ForeignKeys.Select(k => MappedKey(k, pair)).ToList(),
    };

    private ForeignKeyModel MappedKey(ForeignKeyModel key, TablePair owner)
    {
        var mapped = key with
        {
            Columns = key.Columns.Select(owner.Column).ToList(),
            NilifyColumns = key.NilifyColumns.Select(owner.Column).ToList(),
        };
        return _pairsByOldName.TryGetValue($"{key.ReferencedSchema}.{key.ReferencedTable}", out var target)
            ? mapped with
            {
                ReferencedSchema = target.New.Schema,
                ReferencedTable = target.New.Name,
                ReferencedColumns = key.ReferencedColumns.Select(target.Column).ToList(),
            }
            : mapped;
    }
}
