using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Diffing;

/// <summary>Matching old and new tables and columns: same name, declared renames, then the prompt.</summary>
internal sealed partial class SchemaDiffer
{
    private (List<TablePair> Pairs, List<TableModel> Added, List<TableModel> Dropped) MatchTables(SchemaModel old, SchemaModel @new)
    {
        var oldByName = old.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        var declared = Declared(old.Tables, @new.Tables, oldByName);
        var pairedOld = declared.Select(p => p.Old.QualifiedName).ToHashSet(StringComparer.Ordinal);
        var pairedNew = declared.Select(p => p.New.QualifiedName).ToHashSet(StringComparer.Ordinal);
        var pairs = declared.Concat(@new.Tables
                .Where(t => !pairedNew.Contains(t.QualifiedName) && oldByName.ContainsKey(t.QualifiedName) && !pairedOld.Contains(t.QualifiedName))
                .Select(t => new TablePair(oldByName[t.QualifiedName], t)))
            .ToList();
        pairedOld.UnionWith(pairs.Select(p => p.Old.QualifiedName));
        pairedNew.UnionWith(pairs.Select(p => p.New.QualifiedName));
        var unmanaged = @new.Unmanaged.ToHashSet(StringComparer.Ordinal);
        _skipped.AddRange(old.Tables.Where(t => !pairedOld.Contains(t.QualifiedName) && unmanaged.Contains(t.QualifiedName)).Select(t => t.QualifiedName));
        var removed = old.Tables.Where(t => !pairedOld.Contains(t.QualifiedName) && !_options.DeclinedDrops.Contains(t.QualifiedName)
            && !unmanaged.Contains(t.QualifiedName)).ToList();
        var added = @new.Tables.Where(t => !pairedNew.Contains(t.QualifiedName)).ToList();

        foreach (var gone in removed.ToList())
        {
            var moved = added.Where(a => a.Name == gone.Name).ToList();
            if (moved.Count == 1 && Ask("schema", gone.QualifiedName, moved[0].QualifiedName))
            {
                Pair(gone, moved[0]);
            }
        }

        foreach (var gone in removed.ToList())
        {
            var renamed = added.FirstOrDefault(a => a.Schema == gone.Schema && Ask("table", gone.QualifiedName, a.QualifiedName));
            if (renamed is not null)
            {
                Pair(gone, renamed);
            }
        }

        var dropped = new List<TableModel>();
        foreach (var gone in removed)
        {
            if (DropPrompt is { } prompt && !prompt.ConfirmDrop(gone.QualifiedName))
            {
                _declined.Add(gone.QualifiedName);
            }
            else
            {
                dropped.Add(gone);
                _drops.Add($"table {gone.QualifiedName}");
            }
        }

        return (pairs, added, dropped);

        void Pair(TableModel from, TableModel to)
        {
            pairs.Add(new TablePair(from, to));
            removed.Remove(from);
            added.Remove(to);
        }
    }

    /// <summary>
    /// Renames declared with <c>RenamedFrom</c>: honoured when the new name is new, or when the table holding it is
    /// itself declared renamed away (a swap, which the orderer then reports as a cycle).
    /// </summary>
    private static List<TablePair> Declared(IReadOnlyList<TableModel> oldTables, IReadOnlyList<TableModel> newTables, Dictionary<string, TableModel> oldByName)
    {
        TableModel? Resolve(TableModel table, string name) =>
            oldTables.FirstOrDefault(r => r.QualifiedName == name)
            ?? oldTables.FirstOrDefault(r => r.Schema == table.Schema && r.Name == name)
            ?? oldTables.FirstOrDefault(r => r.Name == name);

        var candidates = newTables
            .Select(t => (Old: t.RenamedFrom.Select(name => Resolve(t, name)).FirstOrDefault(r => r is not null && r.QualifiedName != t.QualifiedName), New: t))
            .Where(c => c.Old is not null)
            .ToList();
        var renamedAway = candidates.Select(c => c.Old!.QualifiedName).ToHashSet(StringComparer.Ordinal);
        return candidates
            .Where(c => !oldByName.ContainsKey(c.New.QualifiedName) || renamedAway.Contains(c.New.QualifiedName))
            .GroupBy(c => c.Old!.QualifiedName, StringComparer.Ordinal)
            .Select(g => new TablePair(g.First().Old!, g.First().New))
            .ToList();
    }

    private void MatchColumns(TablePair pair)
    {
        var removed = pair.Old.Columns.Where(c => pair.New.Column(c.Name) is null).ToList();
        var added = new List<ColumnModel>();
        foreach (var column in pair.New.Columns)
        {
            var old = pair.Old.Column(column.Name)
                ?? column.RenamedFrom.Select(name => removed.FirstOrDefault(r => r.Name == name)).FirstOrDefault(r => r is not null);
            if (old is null)
            {
                added.Add(column);
                continue;
            }

            removed.Remove(old);
            pair.Columns.Add((old, column));
        }

        foreach (var gone in removed.ToList())
        {
            var renamed = added.FirstOrDefault(a =>
                Ask("column", $"{pair.Old.QualifiedName}.{gone.Name}", $"{pair.New.QualifiedName}.{a.Name}"));
            if (renamed is not null)
            {
                pair.Columns.Add((gone, renamed));
                removed.Remove(gone);
                added.Remove(renamed);
            }
        }

        foreach (var gone in removed)
        {
            var name = $"{pair.Old.QualifiedName}.{gone.Name}";
            if (DropPrompt is { } prompt && !prompt.ConfirmColumnDrop(name))
            {
                _declinedColumns.Add(name);
            }
            else
            {
                pair.Removed.Add(gone);
                _drops.Add($"column {name}");
            }
        }
        pair.Added.AddRange(added);
    }

    private bool Ask(string kind, string from, string to) => _options.Prompt?.IsRename(kind, from, to) ?? false;
}
