using Ashlar.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Tenants;
using Ashlar.Resources;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Managed tenants: a record's write and its schema's creation, rename or drop share one transaction.</summary>
public sealed partial class PostgresDataLayer
{
    private readonly IReadOnlyDictionary<Type, IReadOnlyList<MigrationFile>> _tenantMigrations;

    /// <summary>The tenants of a repo, as its <see cref="Repos.PostgresRepo.AllTenantsAsync"/> lists them.</summary>
    /// <param name="repoType">The repo.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tenant names.</returns>
    public Task<IReadOnlyList<string>> AllTenantsAsync(Type repoType, CancellationToken cancellationToken = default) =>
        Repos.RepoCache.For(repoType).AllTenantsAsync(Domain, DataSource(repoType), cancellationToken);

    private static ManagedTenantOptions? ManagedTenantOf(ResourceDefinition resource) => resource.Extension<PostgresOptions>()?.ManagedTenant;

    private async ValueTask<T> CreateTenantRecordAsync<T>(CreatePlan plan, ManagedTenantOptions managed, CancellationToken cancellationToken)
        where T : class =>
        await TransactionAsync(async ct =>
        {
            var source = SourceFor(plan.Resource);
            var rows = await _runner.QueryAsync<T>(source, WriteCompiler.Insert(plan), plan.Resource, WriteKind.Create, ct).ConfigureAwait(false);
            var connection = await AmbientTransaction.Current!.ConnectionAsync(source, ct).ConfigureAwait(false);
            var repoType = plan.Resource.Extension<PostgresOptions>()!.RepoType;
            var files = _tenantMigrations.GetValueOrDefault(repoType);
            var declared = files is null ? SchemaCreator.Statements(ResourceSchemaBuilder.Build(Domain, repoType, tenants: true)) : [];
            await ManagedTenantSchema.CreateAsync(connection, plan.Resource, managed.NameOf(rows[0]), files, declared, ct).ConfigureAwait(false);
            return rows[0];
        }, cancellationToken).ConfigureAwait(false);

    private async ValueTask<T?> UpdateTenantRecordAsync<T>(UpdatePlan plan, ManagedTenantOptions managed, CancellationToken cancellationToken)
        where T : class =>
        await TransactionAsync(async ct =>
        {
            var source = SourceFor(plan.Resource);
            var connection = await AmbientTransaction.Current!.ConnectionAsync(source, ct).ConfigureAwait(false);
            var before = await ManagedTenantSchema.NameOfAsync(connection, plan.Resource, managed, plan.Key, ct).ConfigureAwait(false);
            var rows = await _runner.QueryAsync<T>(source, WriteCompiler.Update(plan, Domain), plan.Resource, WriteKind.Update, ct).ConfigureAwait(false);
            if (rows.Count == 0 || before is null)
            {
                return null;
            }

            var after = managed.NameOf(rows[0]);
            if (after != before)
            {
                await ManagedTenantSchema.RenameAsync(connection, plan.Resource, before, after, ct).ConfigureAwait(false);
            }

            return rows[0];
        }, cancellationToken).ConfigureAwait(false);

    private async ValueTask<bool> DestroyTenantRecordAsync(DestroyPlan plan, ManagedTenantOptions managed, CancellationToken cancellationToken) =>
        await TransactionAsync(async ct =>
        {
            var source = SourceFor(plan.Resource);
            var connection = await AmbientTransaction.Current!.ConnectionAsync(source, ct).ConfigureAwait(false);
            var tenant = await ManagedTenantSchema.NameOfAsync(connection, plan.Resource, managed, plan.Key, ct).ConfigureAwait(false);
            if (tenant is null)
            {
                return await _runner.ExecuteAsync(source, WriteCompiler.Delete(plan), plan.Resource, WriteKind.Destroy, ct).ConfigureAwait(false) > 0;
            }

            // The schema goes first: its tables may refer to global rows the record's delete cascades to (a tenant's
            // comments to the organization's users), which would refuse the delete while they still exist. A delete
            // that finds nothing (a stale version) returns to the savepoint, schema and all.
            await ManagedTenantSchema.SavepointAsync(connection, ct).ConfigureAwait(false);
            await ManagedTenantSchema.DropAsync(connection, tenant, ct).ConfigureAwait(false);
            var affected = await _runner.ExecuteAsync(source, WriteCompiler.Delete(plan), plan.Resource, WriteKind.Destroy, ct).ConfigureAwait(false);
            if (affected == 0)
            {
                await ManagedTenantSchema.RollbackToSavepointAsync(connection, ct).ConfigureAwait(false);
            }

            return affected > 0;
        }, cancellationToken).ConfigureAwait(false);
}
