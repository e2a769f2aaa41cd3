using Ashlar.Bulk;
using Ashlar.Changesets;
using Ashlar.Errors;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Bulk.Tenants;

/// <summary>
/// Bulk create (COPY and unnest), upsert, and update/destroy by query on tenant resources: a write in one tenant never
/// touches another's rows. Every test uses its own keys; the tenants hold the same keys for different rows on purpose.
/// </summary>
public sealed class TenantBulkWriteTests(BulkTenantFixture db) : IClassFixture<BulkTenantFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bulk_create_writes_into_the_tenants_schema_by_copy_and_by_unnest()
    {
        var copied = await db.Domain.BulkCreateAsync<Parcel>(
            [new { id = 1L, label = "acme-1", weight = 1 }, new { id = 2L, label = "acme-2", weight = 2 }],
            new BulkCreateOptions { Tenant = "acme" }, Ct);
        var returned = await db.Domain.BulkCreateAsync<Parcel>(
            [new { id = 1L, label = "globex-1", weight = 3 }, new { id = 2L, label = "globex-2", weight = 4 }],
            new BulkCreateOptions { Tenant = "globex", ReturnRecords = true }, Ct);

        copied.ThrowIfFailed();
        returned.ThrowIfFailed();
        Assert.Equal(["globex-1", "globex-2"], returned.Records.Select(p => p.Label));
        Assert.Equal("acme-1,acme-2", await Labels("acme", "id <= 2"));
        Assert.Equal("globex-1,globex-2", await Labels("globex", "id <= 2"));
    }

    [Fact]
    public async Task An_upsert_in_a_tenant_schema_updates_that_tenants_row_only()
    {
        await db.Domain.CreateAsync<Parcel>(new { id = 10L, label = "acme-10", weight = 1 }, tenant: "acme", cancellationToken: Ct);
        await db.Domain.CreateAsync<Parcel>(new { id = 10L, label = "globex-10", weight = 1 }, tenant: "globex", cancellationToken: Ct);

        var result = await db.Domain.BulkCreateAsync<Parcel>(
            [new { id = 11L, label = "acme-11", weight = 2 }, new { id = 10L, label = "acme-10", weight = 5 }],
            new BulkCreateOptions { Tenant = "acme", ReturnRecords = true, Upsert = new Upsert { Fields = ["weight"] } }, Ct);
        var single = await db.Domain.UpsertAsync<Parcel>(new { id = 12L, label = "globex-10", weight = 7 }, new Upsert { Identity = "unique_label", Fields = ["weight"] }, tenant: "globex", cancellationToken: Ct);

        result.ThrowIfFailed();
        Assert.Equal([(11L, 2), (10L, 5)], result.Records.Select(p => (p.Id, p.Weight)));
        Assert.Equal((10L, 7), (single!.Id, single.Weight));
        Assert.Equal("10:5,11:2", await db.ScalarAsync<string>("SELECT string_agg(id || ':' || weight, ',' ORDER BY id) FROM acme.parcels WHERE id BETWEEN 10 AND 12", Ct));
        Assert.Equal("10:7", await db.ScalarAsync<string>("SELECT string_agg(id || ':' || weight, ',' ORDER BY id) FROM globex.parcels WHERE id BETWEEN 10 AND 12", Ct));
    }

    [Fact]
    public async Task Updates_and_destroys_by_query_in_a_tenant_schema_touch_that_tenant_only()
    {
        foreach (var tenant in new[] { "acme", "globex" })
        {
            (await db.Domain.BulkCreateAsync<Parcel>(
                [new { id = 20L, label = tenant + "-20", weight = 70 }, new { id = 21L, label = tenant + "-21", weight = 70 }],
                new BulkCreateOptions { Tenant = tenant }, Ct)).ThrowIfFailed();
        }

        var updated = await db.Domain.UpdateAllAsync(Query.For<Parcel>().Filter(p => p.Weight == 70), new { weight = 80 }, tenant: "acme", cancellationToken: Ct);
        var bumped = await db.Domain.UpdateAllReturningAsync(Query.For<Parcel>().Filter(p => p.Id == 20), new Changes<Parcel>().Atomic(p => p.Weight, p => p.Weight + 1), tenant: "globex", cancellationToken: Ct);
        var destroyed = await db.Domain.DestroyAllAsync(Query.For<Parcel>().Filter(p => p.Weight == 80), tenant: "acme", cancellationToken: Ct);

        Assert.Equal((2L, 2L), (updated, destroyed));
        Assert.Equal(71, Assert.Single(bumped).Weight);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM acme.parcels WHERE id IN (20, 21)", Ct));
        Assert.Equal("20:71,21:70", await db.ScalarAsync<string>("SELECT string_agg(id || ':' || weight, ',' ORDER BY id) FROM globex.parcels WHERE id IN (20, 21)", Ct));
    }

    [Fact]
    public async Task Bulk_create_of_a_tenant_column_resource_sets_the_column_by_copy_and_by_unnest()
    {
        (await db.Domain.BulkCreateAsync<Shipment>([new { code = "B1", serial = "acme-b1", weight = 1 }], new BulkCreateOptions { Tenant = "acme" }, Ct)).ThrowIfFailed();
        var returned = await db.Domain.BulkCreateAsync<Shipment>([new { code = "B1", serial = "globex-b1", weight = 1 }], new BulkCreateOptions { Tenant = "globex", ReturnRecords = true }, Ct);

        Assert.Equal("globex", Assert.Single(returned.Records).OrgKey);
        Assert.Equal("acme:acme-b1,globex:globex-b1", await db.ScalarAsync<string>("SELECT string_agg(org_key || ':' || serial, ',' ORDER BY org_key) FROM shipments WHERE code = 'B1'", Ct));
    }

    [Fact]
    public async Task An_upsert_of_a_tenant_column_resource_never_updates_another_tenants_row()
    {
        (await db.Domain.BulkCreateAsync<Shipment>([new { code = "U1", serial = "acme-u1", weight = 1 }], new BulkCreateOptions { Tenant = "acme" }, Ct)).ThrowIfFailed();
        (await db.Domain.BulkCreateAsync<Shipment>([new { code = "U1", serial = "globex-u1", weight = 1 }], new BulkCreateOptions { Tenant = "globex" }, Ct)).ThrowIfFailed();

        // On (org_key, code): the tenant column is in the conflict target, so acme's U1 is the row that conflicts.
        var byCode = await db.Domain.UpsertAsync<Shipment>(new { code = "U1", serial = "acme-u1", weight = 5 }, new Upsert { Identity = "unique_code", Fields = ["weight"] }, tenant: "acme", cancellationToken: Ct);
        // On serial, unique across tenants: globex's row conflicts, and is kept; acme's input is reported skipped.
        var bySerial = await db.Domain.BulkCreateAsync<Shipment>(
            [new { code = "U2", serial = "globex-u1", weight = 99 }, new { code = "U3", serial = "acme-u3", weight = 3 }],
            new BulkCreateOptions { Tenant = "acme", Upsert = new Upsert { Identity = "unique_serial", Fields = ["weight", "code"], ReportSkipped = true } }, Ct);

        Assert.Equal(("acme", 5), (byCode!.OrgKey, byCode.Weight));
        Assert.Equal([0], bySerial.Skipped);
        Assert.Equal("acme:U1:5,acme:U3:3,globex:U1:1", await db.ScalarAsync<string>(
            "SELECT string_agg(org_key || ':' || code || ':' || weight, ',' ORDER BY org_key, code) FROM shipments WHERE code LIKE 'U%'", Ct));
    }

    [Fact]
    public async Task Updates_and_destroys_by_query_of_a_tenant_column_resource_keep_to_the_tenants_rows()
    {
        foreach (var tenant in new[] { "acme", "globex" })
        {
            (await db.Domain.BulkCreateAsync<Shipment>(
                [new { code = "Q1", serial = tenant + "-q1", weight = 40 }, new { code = "Q2", serial = tenant + "-q2", weight = 40 }],
                new BulkCreateOptions { Tenant = tenant }, Ct)).ThrowIfFailed();
        }

        var updated = await db.Domain.UpdateAllAsync(Query.For<Shipment>().Filter(s => s.Weight == 40), new { weight = 41 }, tenant: "globex", cancellationToken: Ct);
        var destroyed = await db.Domain.DestroyAllAsync(Query.For<Shipment>().Filter(s => s.Code == "Q1"), tenant: "acme", cancellationToken: Ct);

        Assert.Equal((2L, 1L), (updated, destroyed));
        Assert.Equal("acme:Q2:40,globex:Q1:41,globex:Q2:41", await db.ScalarAsync<string>(
            "SELECT string_agg(org_key || ':' || code || ':' || weight, ',' ORDER BY org_key, code) FROM shipments WHERE code LIKE 'Q%'", Ct));
    }

    [Fact]
    public async Task Bulk_writes_without_a_tenant_are_TenantRequired_and_an_unknown_tenant_is_InvalidTenant()
    {
        await Refused<TenantRequired>(() => db.Domain.BulkCreateAsync<Parcel>([new { id = 30L, label = "none", weight = 1 }], cancellationToken: Ct));
        await Refused<TenantRequired>(() => db.Domain.UpsertAsync<Shipment>(new { code = "N1", serial = "n1", weight = 1 }, new Upsert(), cancellationToken: Ct));
        await Refused<TenantRequired>(() => db.Domain.UpdateAllAsync(Query.For<Shipment>(), new { weight = 0 }, cancellationToken: Ct));
        await Refused<TenantRequired>(() => db.Domain.DestroyAllAsync(Query.For<Parcel>(), cancellationToken: Ct));
        var copy = await db.Domain.BulkCreateAsync<Parcel>([new { id = 30L, label = "nowhere", weight = 1 }], new BulkCreateOptions { Tenant = "nowhere" }, Ct);
        var unnest = await db.Domain.BulkCreateAsync<Parcel>([new { id = 30L, label = "nowhere", weight = 1 }], new BulkCreateOptions { Tenant = "nowhere", ReturnRecords = true }, Ct);

        Assert.IsType<InvalidTenant>(Assert.Single(Assert.Single(copy.Errors).Errors));
        Assert.IsType<InvalidTenant>(Assert.Single(Assert.Single(unnest.Errors).Errors));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT (SELECT count(*) FROM acme.parcels WHERE id = 30) + (SELECT count(*) FROM globex.parcels WHERE id = 30) + (SELECT count(*) FROM shipments WHERE weight = 0)", Ct));
    }

    [Fact]
    public async Task Bulk_writes_of_managed_tenant_records_are_refused_with_the_fix_and_write_nothing()
    {
        var bulk = await db.Domain.BulkCreateAsync<Depot>([new { id = 1L, name = "north" }], cancellationToken: Ct);
        var upsert = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.UpsertAsync<Depot>(new { id = 2L, name = "south" }, new Upsert(), cancellationToken: Ct));
        var depot = await db.Domain.CreateAsync<Depot>(new { id = 3L, name = "east" }, cancellationToken: Ct);
        var rename = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.UpdateAllAsync(Query.For<Depot>(), new { name = "west" }, cancellationToken: Ct));
        var destroy = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.DestroyAllAsync(Query.For<Depot>(), cancellationToken: Ct));

        var refused = Assert.IsType<UnsupportedFeature>(Assert.Single(Assert.Single(bulk.Errors).Errors));
        Assert.Contains("CreateAsync", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Depot", refused.Resource);
        Assert.IsType<UnsupportedFeature>(Assert.Single(upsert.Errors));
        Assert.Contains("UpdateAsync", Assert.IsType<UnsupportedFeature>(Assert.Single(rename.Errors)).Message, StringComparison.Ordinal);
        Assert.Contains("DestroyAsync", Assert.IsType<UnsupportedFeature>(Assert.Single(destroy.Errors)).Message, StringComparison.Ordinal);
        Assert.Equal("3:east", await db.ScalarAsync<string>("SELECT string_agg(id || ':' || name, ',') FROM depots", Ct));
        Assert.Equal("depot_east", await db.ScalarAsync<string>("SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname LIKE 'depot_%'", Ct));
        Assert.Equal(3L, depot.Id);
    }

    private static async Task Refused<TError>(Func<Task> write)
        where TError : AshlarError
    {
        var refused = await Assert.ThrowsAnyAsync<AshlarException>(write);
        Assert.IsType<TError>(Assert.Single(refused.Errors));
    }

    private Task<string> Labels(string schema, string where) =>
        db.ScalarAsync<string>($"SELECT string_agg(label, ',' ORDER BY id) FROM {schema}.parcels WHERE {where}", Ct);
}
