using System.Text;
using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Snapshots;

namespace Ashlar.Postgres.Migrations.Generation;

/// <summary>
/// Writes migrations from declarations (<c>codegen</c>): for each repo it compares the schema the declarations call
/// for with the latest snapshots, orders the differences, and writes reviewable SQL migration files and new snapshots.
/// File I/O only; it never connects to a database.
/// </summary>
public sealed class MigrationGenerator
{
    private readonly MigrationGeneratorOptions _options;

    /// <summary>Creates a generator working in <see cref="MigrationGeneratorOptions.MigrationsDirectory"/>.</summary>
    /// <param name="options">Where the migrations live, the clock and the prompt.</param>
    public MigrationGenerator(MigrationGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// The schema each repo of <paramref name="domain"/> calls for, by repo name; a repo with context-tenant
    /// resources also has an entry <c>&lt;repo&gt;/tenants</c> (see <see cref="TenantFolder"/>) whose tables are in the
    /// placeholder schema, so their snapshots and migrations live in their own folders.
    /// </summary>
    /// <param name="domain">A built domain.</param>
    /// <returns>Repo name (or tenant folder) → schema model of its migrated resources.</returns>
    public static IReadOnlyDictionary<string, SchemaModel> Schemas(DomainModel domain)
    {
        var schemas = new Dictionary<string, SchemaModel>(StringComparer.Ordinal);
        foreach (var repo in ResourceSchemaBuilder.Repos(domain))
        {
            var name = RepoCache.For(repo).Name;
            schemas[name] = ResourceSchemaBuilder.Build(domain, repo);
            if (ResourceSchemaBuilder.HasTenantTables(domain, repo))
            {
                schemas[TenantFolder(name)] = ResourceSchemaBuilder.Build(domain, repo, tenants: true);
            }
        }

        return schemas;
    }

    /// <summary>
    /// The folder of a repo's tenant migrations, relative to the migrations root: <c>&lt;repo&gt;/tenants</c>; their
    /// snapshots are in <c>Snapshots/&lt;repo&gt;/tenants</c>.
    /// </summary>
    /// <param name="repo">The repo's name.</param>
    /// <returns>The relative folder.</returns>
    public static string TenantFolder(string repo) => repo + "/" + SnapshotStore.TenantsFolder;

    /// <summary>Generates the migrations the declarations of <paramref name="domain"/> call for.</summary>
    /// <param name="domain">A built domain.</param>
    /// <param name="name">The migration's name (turned into snake_case); null for <c>migrate_resources_&lt;n&gt;</c>.</param>
    /// <param name="dev">True for dev migrations. False squashes: dev migrations and dev snapshots are deleted and one
    /// migration goes from the last named snapshot to the declarations — roll back applied dev migrations first.</param>
    /// <param name="dryRun">True to write nothing and only return what would be written.</param>
    /// <returns>What was generated per repo; <see cref="GenerationResult.Summary"/> says "No changes detected" when nothing was.</returns>
    /// <exception cref="OperationCycleException">The changes cannot be ordered in one migration.</exception>
    public GenerationResult Generate(DomainModel domain, string? name = null, bool dev = false, bool dryRun = false) =>
        Generate(Schemas(domain), name, dev, dryRun);

    /// <summary>Generates migrations from schema models given per repo name (see <see cref="Schemas"/>).</summary>
    /// <param name="repos">Repo name → the schema model it must have.</param>
    /// <param name="name">The migration's name; null for <c>migrate_resources_&lt;n&gt;</c>.</param>
    /// <param name="dev">True for dev migrations; false squashes dev migrations (see the other overload).</param>
    /// <param name="dryRun">True to write nothing.</param>
    /// <returns>What was generated per repo.</returns>
    /// <exception cref="DropsNotAllowedException">A drop nobody allowed; nothing was written for any repo.</exception>
    public GenerationResult Generate(IReadOnlyDictionary<string, SchemaModel> repos, string? name = null, bool dev = false, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(repos);
        var plans = repos.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Plan(r.Key, r.Value, name, dev)).ToList();
        if (!dryRun)
        {
            plans.ForEach(Write);
        }

        return new GenerationResult { Repos = plans.Select(p => p.Result).ToList() };
    }

    /// <summary>Compares the declarations with the latest snapshots without writing anything (<c>codegen --check</c>).</summary>
    /// <param name="domain">A built domain.</param>
    /// <returns>The differences, including dev migrations that remain to be squashed.</returns>
    public CheckResult Check(DomainModel domain) => Check(Schemas(domain));

    /// <summary>Compares schema models given per repo name with the latest snapshots.</summary>
    /// <param name="repos">Repo name → the schema model it must have.</param>
    /// <returns>The differences.</returns>
    public CheckResult Check(IReadOnlyDictionary<string, SchemaModel> repos)
    {
        ArgumentNullException.ThrowIfNull(repos);
        var differences = new List<string>();
        foreach (var (repo, model) in repos.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var store = new SnapshotStore(_options.MigrationsDirectory, repo);
            var old = store.Load(includeDev: true, declared: model);
            var declined = store.LoadDeclinedDrops();
            var diff = SchemaDiffer.Diff(old, model, new DiffOptions { DeclinedDrops = declined });
            differences.AddRange(diff.Operations.Select(o => $"{repo}: {o.Description}"));
            if (diff.Operations.Count == 0)
            {
                differences.AddRange(store.Differences(old, model, declined.Concat(model.Unmanaged).ToHashSet(StringComparer.Ordinal))
                    .Select(d => $"{repo}: {d} (no SQL needed; codegen records it in the snapshots)"));
            }

            // Dev snapshots share their version across tables: name each by its table folder, or the lines look alike.
            differences.AddRange(DevMigrations(repo).Select(f => Path.GetFileName(f))
                .Concat(store.DevFiles().Select(f => Path.GetRelativePath(store.Directory, f).Replace('\\', '/')))
                .Select(f => $"{repo}: dev file {f} remains; run codegen with a name to squash it"));
        }

        return new CheckResult(differences);
    }

    /// <summary>The dev migration files of a repo, in version order.</summary>
    /// <param name="repo">The repo's name.</param>
    /// <returns>Their paths.</returns>
    public IReadOnlyList<string> DevMigrations(string repo) =>
        MigrationFiles(repo).Where(f => MigrationFileFormat.IsDev(Path.GetFileName(f), File.ReadAllText(f))).ToList();

    private RepoPlan Plan(string repo, SchemaModel model, string? name, bool dev)
    {
        var store = new SnapshotStore(_options.MigrationsDirectory, repo);
        var old = store.Load(includeDev: dev, declared: model);
        var declined = store.LoadDeclinedDrops();
        var diff = SchemaDiffer.Diff(old, model, new DiffOptions { Prompt = _options.Prompt, DeclinedDrops = declined, AllowDrops = _options.AllowDrops });
        if (diff.DeclinedColumnDrops.Count > 0)
        {
            throw new DropsNotAllowedException(repo, diff.DeclinedColumnDrops, declined: true);
        }

        if (diff.Drops.Count > 0 && !_options.AllowDrops && _options.Prompt is not { CanConfirmDrops: true })
        {
            throw new DropsNotAllowedException(repo, diff.Drops, declined: false);
        }

        var ordered = OperationOrderer.Order(diff.Operations);
        // A declined drop is forgotten once the table is declared again, so that a later removal asks anew.
        var kept = declined.Where(t => !model.Tables.Any(x => x.QualifiedName == t)).Concat(diff.DeclinedDrops).ToHashSet(StringComparer.Ordinal);

        var existing = MigrationFiles(repo);
        var clock = new VersionClock(_options.TimeProvider, existing.Select(f => Path.GetFileName(f)[..14]).Append(store.LatestVersion())
            .OfType<string>().Max(StringComparer.Ordinal));
        var fileName = MigrationName(name, dev, existing.Count);
        var migrations = ordered.Count == 0 ? [] : MigrationWriter.Write(ordered, fileName, dev, clock.Next);
        var snapshotVersion = migrations.Count > 0 ? migrations[^1].Version : clock.Next();
        var snapshots = store.Changes(old, model, kept.Concat(model.Unmanaged).ToHashSet(StringComparer.Ordinal), snapshotVersion, dev);
        var toDelete = dev ? [] : DevMigrations(repo).Concat(store.DevFiles()).ToList();
        var written = migrations.Select(m => (Path: Path.Combine(_options.MigrationsDirectory, repo, m.FileName), Text: MigrationFileFormat.Write(m)))
            .Concat(snapshots).ToList();
        var result = new RepoGeneration
        {
            Repo = repo,
            Operations = ordered,
            Migrations = migrations,
            Written = written.Select(w => w.Path).ToList(),
            Deleted = toDelete,
            Skipped = diff.Skipped,
        };
        return new RepoPlan(result, store, written, kept.SetEquals(declined) ? null : kept);
    }

    private static void Write(RepoPlan plan)
    {
        foreach (var path in plan.Result.Deleted)
        {
            File.Delete(path);
        }

        foreach (var (path, text) in plan.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }

        if (plan.DeclinedDrops is { } kept)
        {
            plan.Store.SaveDeclinedDrops(kept);
        }
    }

    private List<string> MigrationFiles(string repo)
    {
        var folder = Path.Combine(_options.MigrationsDirectory, repo);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.sql").Where(f => Path.GetFileName(f) is { Length: > 15 } n && n[..14].All(char.IsAsciiDigit))
                .Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static string MigrationName(string? name, bool dev, int existing)
    {
        var snake = name is null ? "" : SnakeCase(name);
        snake = snake.Length > 0 ? snake : $"migrate_resources_{existing + 1}";
        return dev && !snake.StartsWith("dev_", StringComparison.Ordinal) ? "dev_" + snake : snake;
    }

    private static string SnakeCase(string name)
    {
        var snake = Ashlar.Types.Naming.ToSnakeCase(name.Trim());
        var text = new StringBuilder();
        foreach (var c in snake.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) ? c : '_';
            if (keep != '_' || (text.Length > 0 && text[^1] != '_'))
            {
                text.Append(keep);
            }
        }

        return text.ToString().Trim('_');
    }
}
