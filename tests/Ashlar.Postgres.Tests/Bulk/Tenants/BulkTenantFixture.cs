using System.Text;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Testing;

namespace Ashlar.Postgres.Tests.Bulk.Tenants;

/// <summary>Two tenant schemas, <c>acme</c> and <c>globex</c>, with parcels, and the shared shipments and depots tables.</summary>
public sealed class BulkTenantFixture : DatabaseFixture
{
    private Domain? _domain;

    public static DomainModel Model { get; } = DomainModel.Build("bulk_tenants", d => d.Resource<Parcel>().Resource<Shipment>().Resource<Depot>());

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _domain = PostgresDomain.Create(Model, pg => pg.Repo<BulkTenantRepo>(DataSource));
        await _domain.Postgres().CreateSchemaAsync(ct);
        var sql = new StringBuilder();
        foreach (var tenant in new[] { "acme", "globex" })
        {
            sql.Append("CREATE SCHEMA ").Append(tenant).Append(";\n");
            foreach (var statement in SchemaCreator.Statements(ResourceSchemaBuilder.Build(Model, typeof(BulkTenantRepo), tenants: true)))
            {
                sql.Append(TenantSchema.Bind(statement, tenant)).Append(";\n");
            }
        }

        await ExecuteAsync(sql.ToString(), ct);
    }
}
