using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Resources;
using Npgsql;

namespace Ashlar.Postgres.Tenants;

/// <summary>
/// What a managed-tenant record does to its schema, always on the connection and inside the transaction of the
/// record's own write: create and migrate it, rename it, drop it; and the list of all tenants.
/// </summary>
internal static class ManagedTenantSchema
{
    /// <summary>
    /// Creates the tenant's schema and brings it to the newest tenant migration, recording each one in the tenant's
    /// history table — or, when <paramref name="migrations"/> is null (tests and demos without migration files), creates
    /// the tenant tables the declarations call for. Runs inside the caller's transaction: a failure leaves nothing.
    /// The schema is new and uncommitted, so no runner can see it and no lock is needed.
    /// </summary>
    public static async Task CreateAsync(
        NpgsqlConnection connection, ResourceDefinition resource, string tenant, IReadOnlyList<MigrationFile>? migrations, IReadOnlyList<string> declared,
        CancellationToken cancellationToken)
    {
        TenantNames.Check(tenant, resource.Name);
        try
        {
            await ExecuteAsync(connection, $"CREATE SCHEMA {SqlIdentifier.Quote(tenant)}", cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateSchema)
        {
            throw new InvalidException([new InvalidTenant(
                $"the schema \"{tenant}\" already exists; a new tenant gets a schema of its own (drop or rename the old one first)") { Resource = resource.Name }]);
        }

        if (migrations is null)
        {
            foreach (var statement in declared)
            {
                await ExecuteAsync(connection, TenantSchema.Bind(statement, tenant), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        TenantSchema.CheckPlaceholders(migrations);
        var history = new MigrationHistory(new MigrationRunnerOptions { HistorySchema = tenant });
        await ExecuteAsync(connection, history.CreateSql, cancellationToken).ConfigureAwait(false);
        foreach (var migration in MigrationRunner.Ordered(migrations))
        {
            for (var i = 0; i < migration.Up.Count; i++)
            {
                // A new tenant's tables are empty: a concurrent index build is an ordinary one, which a transaction allows.
                var statement = WithoutConcurrently(TenantSchema.Bind(migration.Up[i], tenant));
                try
                {
                    await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e)
                {
                    throw new MigrationStatementException(migration, "up", i + 1, statement,
                        $"Creating tenant \"{tenant}\" was rolled back: neither the {resource.Name} record nor the schema remains.", e);
                }
            }

            var insert = history.Insert(connection, null, migration);
            await using (insert.ConfigureAwait(false))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static Task RenameAsync(NpgsqlConnection connection, ResourceDefinition resource, string from, string to, CancellationToken cancellationToken)
    {
        TenantNames.Check(to, resource.Name);
        return ExecuteAsync(connection, $"ALTER SCHEMA {SqlIdentifier.Quote(from)} RENAME TO {SqlIdentifier.Quote(to)}", cancellationToken);
    }

    public static Task DropAsync(NpgsqlConnection connection, string tenant, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {SqlIdentifier.Quote(tenant)} CASCADE", cancellationToken);

    /// <summary>Marks where <see cref="RollbackToSavepointAsync"/> returns to, inside the record's transaction.</summary>
    public static Task SavepointAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "SAVEPOINT ashlar_tenant_destroy", cancellationToken);

    /// <summary>Undoes everything since <see cref="SavepointAsync"/> (a dropped schema comes back) and keeps the transaction.</summary>
    public static Task RollbackToSavepointAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT ashlar_tenant_destroy", cancellationToken);

    /// <summary>The schema name of the record with <paramref name="key"/>, read under a row lock; null when it is gone.</summary>
    public static async Task<string?> NameOfAsync(NpgsqlConnection connection, ResourceDefinition resource, ManagedTenantOptions managed, IReadOnlyList<FieldValue> key, CancellationToken cancellationToken)
    {
        var where = string.Join(" AND ", key.Select((k, i) => $"{SqlIdentifier.Quote(k.Attribute.Name)} = ${i + 1}"));
        var names = await NamesAsync(connection, resource, managed, $" WHERE {where} FOR UPDATE", key.Select(k => k.Value), cancellationToken).ConfigureAwait(false);
        return names.Count == 0 ? null : names[0];
    }

    /// <summary>The schema names of every record of a managed-tenant resource, in primary-key order.</summary>
    public static Task<List<string>> AllAsync(NpgsqlConnection connection, ResourceDefinition resource, ManagedTenantOptions managed, CancellationToken cancellationToken)
    {
        var order = string.Join(", ", resource.PrimaryKey.Select(a => SqlIdentifier.Quote(a.Name)));
        return NamesAsync(connection, resource, managed, $" ORDER BY {order}", [], cancellationToken);
    }

    /// <summary>True when the update changes a value the template reads.</summary>
    public static bool Touches(ResourceDefinition resource, ManagedTenantOptions managed, IReadOnlyList<FieldValue> changes) =>
        changes.Any(c => managed.Reads.Any(p => Attribute(resource, p).Name == c.Attribute.Name));

    private static async Task<List<string>> NamesAsync(
        NpgsqlConnection connection, ResourceDefinition resource, ManagedTenantOptions managed, string tail, IEnumerable<object?> parameters, CancellationToken cancellationToken)
    {
        var options = resource.Extension<PostgresOptions>()!;
        var attributes = managed.Reads.Select(p => Attribute(resource, p)).ToList();
        var columns = attributes.Count == 0 ? "1" : string.Join(", ", attributes.Select(a => SqlIdentifier.Quote(a.Name)));
        var sql = $"SELECT {columns} FROM {SqlIdentifier.Qualified(options.SchemaOrPublic, options.Table!)}{tail}";
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var names = new List<string>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var record = Activator.CreateInstance(resource.ClrType)!;
                    for (var i = 0; i < attributes.Count; i++)
                    {
                        var property = attributes[i].Property;
                        var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                        property.SetValue(record, value is null || property.PropertyType.IsInstanceOfType(value)
                            ? value
                            : Convert.ChangeType(value, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    names.Add(managed.NameOf(record));
                }

                return names;
            }
        }
    }

    private static AttributeDefinition Attribute(ResourceDefinition resource, System.Reflection.PropertyInfo property) =>
        resource.Attributes.FirstOrDefault(a => a.Property.Name == property.Name)
        ?? throw new InvalidOperationException($"{resource.Name}: the ManageTenant template reads {property.Name}, which is not an attribute; read only attributes.");

    private static string WithoutConcurrently(string statement) =>
        statement.StartsWith("CREATE INDEX CONCURRENTLY ", StringComparison.Ordinal) ? "CREATE INDEX " + statement["CREATE INDEX CONCURRENTLY ".Length..]
        : statement.StartsWith("CREATE UNIQUE INDEX CONCURRENTLY ", StringComparison.Ordinal) ? "CREATE UNIQUE INDEX " + statement["CREATE UNIQUE INDEX CONCURRENTLY ".Length..]
        : statement.StartsWith("DROP INDEX CONCURRENTLY ", StringComparison.Ordinal) ? "DROP INDEX " + statement["DROP INDEX CONCURRENTLY ".Length..]
        : statement;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
