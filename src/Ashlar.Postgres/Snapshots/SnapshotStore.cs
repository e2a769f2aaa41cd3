using System.Text;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Snapshots;

/// <summary>
/// A repo's snapshots on disk: <c>Snapshots/&lt;repo&gt;/&lt;schema&gt;.&lt;table&gt;/&lt;version&gt;.json</c> per table,
/// <c>Snapshots/&lt;repo&gt;/repo/&lt;version&gt;.json</c> for its schemas and extensions, and
/// <c>declined_drops.json</c> for tables the user chose to keep. Dev versions end in <c>_dev.json</c>.
/// The latest version of each file is the current state.
/// </summary>
internal sealed class SnapshotStore(string migrationsDirectory, string repo)
{
    /// <summary>The subfolder of a repo's tenant snapshots (and migrations); never a table folder, which has a dot.</summary>
    public const string TenantsFolder = "tenants";

    private const string RepoFolder = "repo";
    private const string DevSuffix = "_dev";
    private const string DeclinedFile = "declined_drops.json";

    public string Directory { get; } = Path.Combine(migrationsDirectory, "Snapshots", repo);

    /// <summary>
    /// The text each table object is compared by (see <see cref="Comparable"/>), serialized once per object: a run
    /// compares every declared table with its snapshot, and writes the changed ones.
    /// </summary>
    private readonly Dictionary<TableModel, byte[]> _comparable = new(ReferenceEqualityComparer.Instance);

    private byte[] _fileBuffer = new byte[32 * 1024];

    /// <summary>Tables <see cref="Load"/> took from the declarations (the file held their text) → that declared table.</summary>
    private readonly Dictionary<TableModel, TableModel> _loadedAs = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The current schema model; <paramref name="includeDev"/> false ignores dev versions (the squash base). A snapshot
    /// file whose bytes are the text of the table <paramref name="declared"/> has under the same name is not parsed: it
    /// holds that table, so the declared one stands in for it (as read back: without rename hints, lists sorted).
    /// </summary>
    public SchemaModel Load(bool includeDev, SchemaModel? declared = null)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return new SchemaModel();
        }

        var declaredTables = new Dictionary<string, TableModel>(StringComparer.Ordinal);
        foreach (var table in declared?.Tables ?? [])
        {
            declaredTables.TryAdd(table.QualifiedName, table);
        }

        var tables = new List<TableModel>();
        var repoSnapshot = new RepoSnapshot();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var latest = Latest(folder, includeDev);
            if (latest is null)
            {
                continue;
            }

            var json = ReadFile(latest);
            var folderName = Path.GetFileName(folder);
            if (folderName == RepoFolder)
            {
                repoSnapshot = SnapshotJson.Read<RepoSnapshot>(json, latest);
            }
            else if (declaredTables.TryGetValue(folderName, out var same) && SnapshotJson.WithoutBom(json) is var text
                && (_comparable.TryGetValue(same, out var known) ? text.SequenceEqual(known) : SnapshotJson.Matches(new TableSnapshot { Table = WithoutHints(same) }, text)))
            {
                var loaded = SnapshotJson.Normalize(WithoutHints(same));
                _loadedAs[loaded] = same;
                tables.Add(loaded);
            }
            else if (SnapshotJson.ReadTable(json, latest).Table is { } table)
            {
                tables.Add(table);
            }
        }

        return new SchemaModel
        {
            Schemas = repoSnapshot.Schemas,
            Extensions = repoSnapshot.Extensions,
            Functions = repoSnapshot.Functions ?? [],
            Tables = tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>The snapshot files to write to go from <paramref name="old"/> to <paramref name="new"/>, with their text.</summary>
    public IReadOnlyList<(string Path, string Text)> Changes(SchemaModel old, SchemaModel @new, IReadOnlyCollection<string> kept, string version, bool dev)
    {
        var name = version + (dev ? DevSuffix : "") + ".json";
        var changes = new List<(string, string)>();
        var oldTables = old.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        foreach (var table in @new.Tables)
        {
            if (!oldTables.TryGetValue(table.QualifiedName, out var before) || !Same(before, table))
            {
                changes.Add((Path.Combine(Directory, table.QualifiedName, name), Text(table)));
            }
        }

        var newNames = @new.Tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in old.Tables.Where(t => !newNames.Contains(t.QualifiedName) && !kept.Contains(t.QualifiedName)))
        {
            changes.Add((Path.Combine(Directory, gone.QualifiedName, name), SnapshotJson.Write(new TableSnapshot())));
        }

        var repoText = SnapshotJson.Write(new RepoSnapshot { Schemas = @new.Schemas, Extensions = @new.Extensions, Functions = @new.Functions });
        if (repoText != SnapshotJson.Write(new RepoSnapshot { Schemas = old.Schemas, Extensions = old.Extensions, Functions = old.Functions }))
        {
            changes.Add((Path.Combine(Directory, RepoFolder, name), repoText));
        }

        return changes;
    }

    /// <summary>
    /// Why the snapshots of <paramref name="old"/> would change to match <paramref name="new"/>, one line per table (or
    /// the repo's schemas and extensions) naming what differs.
    /// </summary>
    public IReadOnlyList<string> Differences(SchemaModel old, SchemaModel @new, IReadOnlyCollection<string> kept)
    {
        var lines = new List<string>();
        var oldTables = old.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        foreach (var table in @new.Tables)
        {
            if (!oldTables.TryGetValue(table.QualifiedName, out var before))
            {
                lines.Add($"{table.QualifiedName} has no snapshot");
            }
            else if (!Same(before, table))
            {
                var (was, now) = (Encoding.UTF8.GetString(Comparable(before)), Encoding.UTF8.GetString(Comparable(table)));
                lines.Add($"the snapshot of {table.QualifiedName} differs from the declarations: {string.Join("; ", SnapshotDiff.Describe(was, now))}");
            }
        }

        var newNames = @new.Tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);
        lines.AddRange(old.Tables.Where(t => !newNames.Contains(t.QualifiedName) && !kept.Contains(t.QualifiedName))
            .Select(t => $"the snapshot of {t.QualifiedName} has no declared resource"));
        var repoBefore = SnapshotJson.Write(new RepoSnapshot { Schemas = old.Schemas, Extensions = old.Extensions, Functions = old.Functions });
        var repoNow = SnapshotJson.Write(new RepoSnapshot { Schemas = @new.Schemas, Extensions = @new.Extensions, Functions = @new.Functions });
        if (repoBefore != repoNow)
        {
            lines.Add($"the repo snapshot differs from the declarations: {string.Join("; ", SnapshotDiff.Describe(repoBefore, repoNow))}");
        }

        return lines;
    }

    public IReadOnlySet<string> LoadDeclinedDrops()
    {
        var path = Path.Combine(Directory, DeclinedFile);
        return File.Exists(path)
            ? SnapshotJson.Read<List<string>>(File.ReadAllText(path), path).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    public string SaveDeclinedDrops(IEnumerable<string> tables)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, DeclinedFile);
        File.WriteAllText(path, SnapshotJson.Write(tables.Distinct().ToList()));
        return path;
    }

    /// <summary>Every dev snapshot file of the repo.</summary>
    public IReadOnlyList<string> DevFiles() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*" + DevSuffix + ".json", SearchOption.AllDirectories)
                .Where(f => !IsInTenantsFolder(f)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The greatest version of any snapshot of the repo, or null.</summary>
    public string? LatestVersion() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsVersion).Select(n => n[..14]).Max(StringComparer.Ordinal)
            : null;

    /// <summary>True for a file in <c>tenants/</c> under this store: the tenant store's, when this one is the repo's.</summary>
    private bool IsInTenantsFolder(string path) =>
        Path.GetRelativePath(Directory, path).Replace('\\', '/').StartsWith(TenantsFolder + "/", StringComparison.Ordinal);

    /// <summary>A file's bytes, in a buffer reused from file to file (valid until the next call).</summary>
    private ReadOnlySpan<byte> ReadFile(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (_fileBuffer.Length < length)
        {
            _fileBuffer = new byte[Math.Max(length, 2 * _fileBuffer.Length)];
        }

        var read = 0;
        while (read < length && RandomAccess.Read(handle, _fileBuffer.AsSpan(read, (int)length - read), read) is var n && n > 0)
        {
            read += n;
        }

        return _fileBuffer.AsSpan(0, read);
    }

    private bool Same(TableModel a, TableModel b) =>
        ReferenceEquals(a, b) || (_loadedAs.TryGetValue(a, out var declared) && ReferenceEquals(declared, b)) || Comparable(a).AsSpan().SequenceEqual(Comparable(b));

    /// <summary>
    /// The UTF-8 text two versions of a table are compared by. It leaves out <c>RenamedFrom</c>: a hint for the diff
    /// that needs no SQL, so removing it once the rename is applied everywhere changes no snapshot and needs no codegen.
    /// </summary>
    private byte[] Comparable(TableModel table)
    {
        if (!_comparable.TryGetValue(table, out var text))
        {
            _comparable[table] = text = SnapshotJson.WriteUtf8(new TableSnapshot { Table = WithoutHints(table) });
        }

        return text;
    }

    /// <summary>The text of a table's snapshot file: its comparable text when it has no rename hints to record.</summary>
    private string Text(TableModel table) =>
        table.RenamedFrom.Count == 0 && table.Columns.All(c => c.RenamedFrom.Count == 0)
            ? Encoding.UTF8.GetString(Comparable(table))
            : SnapshotJson.Write(new TableSnapshot { Table = table });

    /// <summary>The table without what a snapshot does not compare (rename hints) or does not store (<c>USING</c> casts).</summary>
    private static TableModel WithoutHints(TableModel table) =>
        table with { RenamedFrom = [], Columns = [.. table.Columns.Select(c => c with { RenamedFrom = [], Using = null, UsingDown = null })] };

    private static string? Latest(string folder, bool includeDev) =>
        System.IO.Directory.EnumerateFiles(folder, "*.json")
            .Where(f => IsVersion(Path.GetFileNameWithoutExtension(f)) && (includeDev || !Path.GetFileNameWithoutExtension(f).EndsWith(DevSuffix, StringComparison.Ordinal)))
            .MaxBy(f => Path.GetFileNameWithoutExtension(f)[..14], StringComparer.Ordinal);

    private static bool IsVersion(string? name) =>
        name is not null && name.Length >= 14 && name[..14].All(char.IsAsciiDigit) && (name.Length == 14 || name[14..] == DevSuffix);
}
