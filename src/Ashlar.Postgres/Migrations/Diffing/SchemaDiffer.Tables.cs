using Ashlar.Postgres.Migrations.Operations;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>The operations for a table present on both sides. Drops use the old name, everything else the new.</summary>
internal sealed partial class SchemaDiffer
{
    private void Alter(TablePair pair)
    {
        var (old, mapped, now) = (pair.Old, Mapped(pair), pair.New);
        var recreated = pair.Columns.Where(c => !Comparer.SameSql(c.Old.Generated, c.New.Generated)).Select(c => c.New.Name).ToHashSet(StringComparer.Ordinal);
        var (s, t) = (now.Schema, now.Name);
        RevertStatements(old, now);
        if (old.Name != now.Name)
        {
            _operations.Add(new RenameTableOperation(old.Schema, old.Name, now.Name, old.PrimaryKey.Count > 0));
        }

        if (old.Schema != now.Schema)
        {
            _operations.Add(new MoveTableSchemaOperation(now.Name, old.Schema, now.Schema, AfterRename: old.Name != now.Name));
        }

        foreach (var (from, to) in pair.Columns)
        {
            if (!Comparer.SameSql(from.Generated, to.Generated))
            {
                // A generated column is recomputed anyway: drop it under its old name and add the new one.
                _operations.Add(new DropColumnOperation(s, t, from));
                _operations.Add(new AddColumnOperation(s, t, to));
                continue;
            }

            if (from.Name != to.Name)
            {
                _operations.Add(new RenameColumnOperation(s, t, from.Name, to.Name));
            }

            AlterColumn(s, t, from, to);
        }

        _operations.AddRange(pair.Removed.Select(c => new DropColumnOperation(s, t, c)));
        _operations.AddRange(pair.Added.Select(c => new AddColumnOperation(s, t, c)));
        if (!mapped.PrimaryKey.SequenceEqual(now.PrimaryKey))
        {
            _operations.Add(new AlterPrimaryKeyOperation(s, t, mapped.PrimaryKey, now.PrimaryKey));
        }

        AlterForeignKeys(old, mapped, now, recreated);
        AlterIndexes(old, mapped, now, recreated);
        AlterChecks(old, now);
        RunStatements(old, now);
    }

    /// <summary>
    /// The steps for one column; the orderer runs them as PostgreSQL needs: an old default or identity goes before a type
    /// change, NOT NULL before a new identity, the new default and identity after the type change.
    /// </summary>
    private void AlterColumn(string s, string t, ColumnModel was, ColumnModel next)
    {
        var typeChanged = !Comparer.SameType(was.Type, next.Type);
        var defaultChanged = !Comparer.SameSql(was.Default, next.Default);
        var becomesIdentity = next.Identity && !was.Identity;
        if (defaultChanged && was.Default is not null && next.Default is not null && typeChanged)
        {
            // The type change would convert the old default: drop it first, set the new one after.
            _operations.Add(new AlterColumnDefaultOperation(s, t, next.Name, was.Default, null));
            _operations.Add(new AlterColumnDefaultOperation(s, t, next.Name, null, next.Default));
        }
        else if (defaultChanged)
        {
            _operations.Add(new AlterColumnDefaultOperation(s, t, next.Name, was.Default, next.Default));
        }

        if (typeChanged)
        {
            if (next.Using is null && !new TypeChange(was.Type, next.Type).HasCast)
            {
                throw new ColumnTypeChangeException($"{s}.{t}", next.Name, was.Type, next.Type);
            }

            _operations.Add(new AlterColumnTypeOperation(s, t, next.Name, was.Type, next.Type) { Using = next.Using, UsingDown = next.UsingDown });
        }

        if (was.Identity != next.Identity)
        {
            _operations.Add(new AlterColumnIdentityOperation(s, t, next.Name, becomesIdentity));
        }

        if (was.Nullable != next.Nullable)
        {
            _operations.Add(new AlterColumnNullabilityOperation(s, t, next.Name, next.Nullable));
        }
    }

    /// <summary>Keys on a <paramref name="recreated"/> column (dropped and added again) are recreated with it.</summary>
    private void AlterForeignKeys(TableModel old, TableModel mapped, TableModel now, HashSet<string> recreated)
    {
        var renamed = Renames(mapped.ForeignKeys, now.ForeignKeys, k => k.Name,
            (a, b) => ModelComparer.SameForeignKeyIgnoringDeferrable(a with { Name = b.Name }, b) && !KeyRecreated(a, recreated));
        KeyedMatch.Run(mapped.ForeignKeys, now.ForeignKeys, k => renamed.GetValueOrDefault(k.Name, k.Name), k => k.Name, (i, key, next) =>
        {
            var original = old.ForeignKeys[i];
            if (renamed.TryGetValue(key.Name, out var newName))
            {
                _operations.Add(new RenameForeignKeyOperation(now.Schema, now.Name, key.Name, newName));
                key = key with { Name = newName };
            }

            if (next is null || !ModelComparer.SameForeignKeyIgnoringDeferrable(key, next) || KeyRecreated(key, recreated))
            {
                _operations.Add(new DropForeignKeyOperation(old.Schema, old.Name, original));
                if (next is not null)
                {
                    _operations.Add(new AddForeignKeyOperation(now.Schema, now.Name, next, NewTable: false));
                }
            }
            else if (key.Deferrable != next.Deferrable)
            {
                _operations.Add(new AlterForeignKeyDeferrabilityOperation(now.Schema, now.Name, key.Name, key.Deferrable, next.Deferrable));
            }
        }, k => _operations.Add(new AddForeignKeyOperation(now.Schema, now.Name, k, NewTable: false)));
    }

    private bool KeyRecreated(ForeignKeyModel key, HashSet<string> recreated) =>
        _primaryKeyChanged.Contains($"{key.ReferencedSchema}.{key.ReferencedTable}") || key.Columns.Any(recreated.Contains);

    /// <summary>Old name → new name for objects that only changed name (e.g. default names after a table rename).</summary>
    private static Dictionary<string, string> Renames<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> name, Func<T, T, bool> same)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = after.Where(a => before.All(b => name(b) != name(a))).ToList();
        foreach (var gone in before.Where(b => after.All(a => name(a) != name(b))))
        {
            var match = candidates.FirstOrDefault(c => same(gone, c));
            if (match is not null)
            {
                renames[name(gone)] = name(match);
                candidates.Remove(match);
            }
        }

        return renames;
    }

    private void AlterIndexes(TableModel old, TableModel mapped, TableModel now, HashSet<string> recreated)
    {
        bool Recreated(IndexModel index) => index.Fields.Select(f => f.Column).OfType<string>().Concat(index.Include).Any(recreated.Contains);
        var renamed = Renames(mapped.Indexes, now.Indexes, x => x.Name, (a, b) => Comparer.SameIndex(a with { Name = b.Name }, b) && !Recreated(a));
        KeyedMatch.Run(mapped.Indexes, now.Indexes, x => renamed.GetValueOrDefault(x.Name, x.Name), x => x.Name, (i, index, next) =>
        {
            var original = old.Indexes[i];
            if (renamed.TryGetValue(index.Name, out var newName))
            {
                _operations.Add(new RenameIndexOperation(now.Schema, now.Name, index.Name, newName));
            }
            else if (next is null || !Comparer.SameIndex(index, next) || Recreated(index))
            {
                _operations.Add(new DropIndexOperation(old.Schema, old.Name, original, original.Concurrently));
                if (next is not null)
                {
                    _operations.Add(new CreateIndexOperation(now.Schema, now.Name, next, next.Concurrently));
                }
            }
        }, x => _operations.Add(new CreateIndexOperation(now.Schema, now.Name, x, x.Concurrently)));
    }

    private void AlterChecks(TableModel old, TableModel now) =>
        KeyedMatch.Run(old.Checks, now.Checks, c => c.Name, c => c.Name, (_, check, next) =>
        {
            if (next is null || !Comparer.SameSql(check.Check, next.Check))
            {
                _operations.Add(new DropCheckConstraintOperation(old.Schema, old.Name, check));
                if (next is not null)
                {
                    _operations.Add(new AddCheckConstraintOperation(now.Schema, now.Name, next, NewTable: false));
                }
            }
        }, c => _operations.Add(new AddCheckConstraintOperation(now.Schema, now.Name, c, NewTable: false)));

    /// <summary>Removed and changed statements are undone first, before anything they may depend on changes.</summary>
    private void RevertStatements(TableModel old, TableModel now)
    {
        var after = now.Statements.Where(x => !x.OnDestroy).ToList();
        foreach (var statement in old.Statements.Where(x => !x.OnDestroy).Reverse().Where(b => !after.Any(a => SameStatement(a, b))))
        {
            _operations.Add(new RevertStatementOperation(old.Schema, old.Name, statement));
        }
    }

    private void RunStatements(TableModel old, TableModel now)
    {
        string? previous = null;
        foreach (var statement in now.Statements.Where(x => !x.OnDestroy))
        {
            if (!old.Statements.Any(b => !b.OnDestroy && SameStatement(statement, b)))
            {
                _operations.Add(new RunStatementOperation(now.Schema, now.Name, statement, previous));
            }

            previous = statement.Name;
        }
    }

    private static bool SameStatement(StatementModel a, StatementModel b) => a.Name == b.Name && a.Up == b.Up && a.Down == b.Down;
}
