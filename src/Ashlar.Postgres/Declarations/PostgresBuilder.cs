using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tenants;
using Ashlar.Resources;

namespace Ashlar.Postgres.Declarations;

/// <summary>Declares a resource's <c>Postgres</c> section.</summary>
/// <typeparam name="T">The resource class.</typeparam>
public sealed class PostgresBuilder<T>
    where T : class
{
    internal PostgresBuilder(PostgresOptions options)
    {
        Options = options;
    }

    internal PostgresOptions Options { get; }

    /// <summary>The table the resource is stored in (required).</summary>
    public PostgresBuilder<T> Table(string table)
    {
        Options.Table = table;
        return this;
    }

    /// <summary>The schema the table is in (created by migrations when missing). Defaults to <c>public</c>.</summary>
    public PostgresBuilder<T> Schema(string schema)
    {
        Options.Schema = schema;
        return this;
    }

    /// <summary>The repo (database) the table is in.</summary>
    public PostgresBuilder<T> Repo<TRepo>()
        where TRepo : PostgresRepo, new()
    {
        Options.RepoType = typeof(TRepo);
        return this;
    }

    /// <summary>
    /// The repo plain reads go to, e.g. a streaming replica of the repo (database) given by <see cref="Repo{TRepo}"/>:
    /// reads outside a transaction that lock no rows run there; writes, locking reads, transactions and migrations stay
    /// on the repo. Connect both repos when creating the data layer; see docs/repos-and-replicas.md.
    /// </summary>
    public PostgresBuilder<T> ReadRepo<TRepo>()
        where TRepo : PostgresRepo, new()
    {
        Options.ReadRepoType = typeof(TRepo);
        return this;
    }

    /// <summary>Whether migrations manage this table (default true).</summary>
    public PostgresBuilder<T> Migrate(bool migrate)
    {
        Options.Migrate = migrate;
        return this;
    }

    /// <summary>
    /// Makes the resource's records tenants: creating a record creates the schema named by
    /// <paramref name="template"/> (e.g. <c>o =&gt; "org_" + o.Id</c>) and applies every tenant migration in the same
    /// transaction, so a failure leaves neither record nor schema. Changing the values the template reads renames the
    /// schema unless <see cref="ManagedTenantOptions.KeepSchemaName"/>; destroying the record keeps the schema unless
    /// <see cref="ManagedTenantOptions.DropSchemaOnDestroy"/>. The repo's <c>AllTenants</c> lists these records' schemas.
    /// </summary>
    /// <param name="template">The schema name of a record; it must satisfy the tenant-name rule.</param>
    /// <param name="configure">Rename and drop choices.</param>
    public PostgresBuilder<T> ManageTenant(Expression<Func<T, string>> template, Action<ManagedTenantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var options = ManagedTenantOptions.For(template);
        configure?.Invoke(options);
        Options.ManagedTenant = options;
        return this;
    }

    /// <summary>Configures the foreign key of a belongs-to relationship.</summary>
    /// <param name="relationship">The relationship's navigation property, as a lambda written at the call: <c>x =&gt; x.Author</c>.</param>
    /// <param name="configure">The foreign key's options.</param>
    /// <param name="relationshipText">Filled in by the compiler: the source text of <paramref name="relationship"/>.</param>
    public PostgresBuilder<T> Reference<TDestination>(
        Func<T, TDestination?> relationship,
        Action<ReferenceBuilder>? configure = null,
        [CallerArgumentExpression(nameof(relationship))] string? relationshipText = null)
        where TDestination : class
    {
        var name = Selected(typeof(TDestination), relationshipText, "reference");
        if (name is null)
        {
            return this;
        }

        var builder = new ReferenceBuilder(new ReferenceOptions(name));
        configure?.Invoke(builder);
        Options.AddReference(builder.Options);
        return this;
    }

    /// <summary>Adds a check constraint; <paramref name="message"/> is what a caller sees when a write breaks it.</summary>
    /// <param name="key">The constraint's identifier (and its name, unless <paramref name="name"/> is given).</param>
    /// <param name="check">The SQL boolean expression, e.g. <c>amount &gt; 0</c>.</param>
    /// <param name="message">The error message.</param>
    /// <param name="name">The constraint's name in the database.</param>
    /// <param name="attributes">The attributes the error is reported on: <c>x =&gt; x.Amount</c>, or <c>x =&gt; new { x.A, x.B }</c> for several.</param>
    /// <param name="attributesText">Filled in by the compiler: the source text of <paramref name="attributes"/>, which names the properties.</param>
    public PostgresBuilder<T> CheckConstraint(string key, string check, string? message = null, string? name = null, Func<T, object?>? attributes = null,
        [CallerArgumentExpression(nameof(attributes))] string? attributesText = null)
    {
        IReadOnlyList<string> names = [];
        if (attributes is not null)
        {
            var selected = MemberNames.ListFromText(typeof(T), attributesText, $"check_constraint {key}", out var problem);
            if (selected is null)
            {
                Options.ProblemList.Add(problem!);
                return this;
            }

            names = selected;
        }

        Options.CheckList.Add(new CheckConstraintOptions(key, check)
        {
            Name = name,
            Message = message,
            Attributes = names,
        });
        return this;
    }

    /// <summary>Adds a custom index over columns (<c>"title"</c>, <c>"-inserted_at"</c> for descending) or, via the builder, SQL expressions.</summary>
    public PostgresBuilder<T> Index(IReadOnlyList<string> columns, Action<IndexBuilder>? configure = null)
    {
        var builder = new IndexBuilder(new IndexOptions(IndexField.FromColumns(columns)), IndexProblem);
        configure?.Invoke(builder);
        Options.IndexList.Add(builder.Options);
        return this;
    }

    /// <summary>
    /// Adds a custom index over the attributes a lambda selects: <c>x =&gt; x.Title</c>, or <c>x =&gt; new { x.Active, x.DueOn }</c>
    /// for several keys in that order; <see cref="IndexBuilder.Descending"/> makes keys descending.
    /// </summary>
    /// <param name="columns">The key attributes, as a lambda written at the call.</param>
    /// <param name="configure">Further options.</param>
    /// <param name="columnsText">Filled in by the compiler: the source text of <paramref name="columns"/>.</param>
    public PostgresBuilder<T> Index(Func<T, object?> columns, Action<IndexBuilder>? configure = null,
        [CallerArgumentExpression(nameof(columns))] string? columnsText = null)
    {
        var names = MemberNames.ListFromText(typeof(T), columnsText, "index", out var problem);
        if (names is null)
        {
            Options.ProblemList.Add(problem!);
            return this;
        }

        var fields = new List<IndexField>(names.Count);
        foreach (var name in names)
        {
            fields.Add(new IndexField(name, null, false));
        }

        var builder = new IndexBuilder(new IndexOptions(fields), IndexProblem);
        configure?.Invoke(builder);
        Options.IndexList.Add(builder.Options);
        return this;
    }

    /// <summary>Adds a custom index over SQL expressions, e.g. <c>lower(title)</c>.</summary>
    public PostgresBuilder<T> IndexOnExpressions(IReadOnlyList<string> expressions, Action<IndexBuilder>? configure = null)
    {
        var builder = new IndexBuilder(new IndexOptions(IndexField.FromExpressions(expressions)), IndexProblem);
        configure?.Invoke(builder);
        Options.IndexList.Add(builder.Options);
        return this;
    }

    /// <summary>Adds custom SQL to the migrations, with its undo.</summary>
    /// <param name="name">A stable name.</param>
    /// <param name="up">The SQL to run.</param>
    /// <param name="down">The SQL that undoes it; null makes the migration's down irreversible.</param>
    /// <param name="onDestroy">True to run it only in the migration that drops the table.</param>
    /// <param name="afterTables">Other tables (<c>table</c> or <c>schema.table</c>) whose changes run before it, e.g. those a view reads.</param>
    public PostgresBuilder<T> Statement(string name, string up, string? down = null, bool onDestroy = false, IReadOnlyList<string>? afterTables = null)
    {
        Options.StatementList.Add(new StatementOptions(name, up) { Down = down, OnDestroy = onDestroy, AfterTables = afterTables ?? [] });
        return this;
    }

    /// <summary>Adds custom SQL given only as text; its name is derived from the text and its down is irreversible.</summary>
    public PostgresBuilder<T> Statement(string up) =>
        Statement(StatementNames.Derive(up), up);

    /// <summary>Names the unique index of an identity.</summary>
    public PostgresBuilder<T> IdentityIndexName(string identity, string indexName)
    {
        Options.IdentityIndexNameMap[identity] = indexName;
        return this;
    }

    /// <summary>Creates no unique index for these identities (they are enforced elsewhere).</summary>
    public PostgresBuilder<T> SkipUniqueIndexes(params string[] identities)
    {
        Options.SkipUniqueIndexSet.UnionWith(identities);
        return this;
    }

    /// <summary>Stores an attribute in a column type other than its default, e.g. <c>varchar(200)</c>.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Title</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public PostgresBuilder<T> MigrationType<TValue>(Func<T, TValue> attribute, string sqlType, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (Selected(typeof(TValue), attributeText, "migration_type") is { } name)
        {
            Options.MigrationTypeMap[name] = sqlType;
        }

        return this;
    }

    /// <summary>
    /// Says how the next migration converts a column's values when its type changes in a way no cast can, e.g. from a
    /// <c>bigint</c> of seconds to <c>timestamptz</c>: <c>MigrationUsing(x => x.At, "to_timestamp(at)", down: "extract(epoch FROM at)::bigint")</c>.
    /// It is not kept in snapshots: remove it once that migration is generated.
    /// </summary>
    /// <param name="attribute">The attribute whose column changes type.</param>
    /// <param name="up">The SQL expression of the new value, over the old column (<c>USING</c>).</param>
    /// <param name="down">The SQL expression converting back on rollback; null to cast, which makes the down irreversible when no cast exists.</param>
    /// <param name="attributeText">Filled in by the compiler: the source text of <paramref name="attribute"/>.</param>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Title</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public PostgresBuilder<T> MigrationUsing<TValue>(Func<T, TValue> attribute, string up, string? down = null, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (Selected(typeof(TValue), attributeText, "migration_using") is { } name)
        {
            Options.MigrationUsingMap[name] = new ColumnConversion(up, down);
        }

        return this;
    }

    /// <summary>Gives a column a SQL default in migrations, e.g. <c>0</c> or <c>now()</c>.</summary>
    /// <remarks>The attribute is a lambda written at the call (<c>x =&gt; x.Title</c>); the compiler fills in <c>attributeText</c> with its source text.</remarks>
    public PostgresBuilder<T> MigrationDefault<TValue>(Func<T, TValue> attribute, string sqlDefault, [CallerArgumentExpression(nameof(attribute))] string? attributeText = null)
    {
        if (Selected(typeof(TValue), attributeText, "migration_default") is { } name)
        {
            Options.MigrationDefaultMap[name] = sqlDefault;
        }

        return this;
    }

    private void IndexProblem(string problem, string fix) =>
        Options.ProblemList.Add(new Ashlar.Errors.DeclarationProblem(typeof(T).Name, "index", problem, fix));

    // The snake_case name a selector's text names; null after keeping the problem for the domain's build.
    private string? Selected(Type valueType, string? text, string option)
    {
        var name = MemberNames.FromText(typeof(T), valueType, text, option, out var problem);
        if (problem is not null)
        {
            Options.ProblemList.Add(problem);
        }

        return name;
    }
}
