using System.Text.Json.Nodes;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Repos;
using Ashlar.Postgres.Tests.DataLayer.Gadgets;
using Ashlar.Queries;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>The lab's gadget tables; on a server without <c>NULLS NOT DISTINCT</c> every test that asks for <see cref="Domain"/> is skipped.</summary>
public sealed class GadgetFixture : DatabaseFixture
{
    private Domain? _domain;
    private string? _serverTooOld;

    public Domain Domain
    {
        get
        {
            ServerVersion.SkipIf(_serverTooOld);
            return _domain ?? throw new InvalidOperationException("Not initialised.");
        }
    }

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _serverTooOld = ServerVersion.Lacking(await ServerVersion.OfAsync(DataSource, ct),
            PostgresCapabilities.Since(PostgresFeature.NullsNotDistinct), "NULLS NOT DISTINCT, for the gadgets' unique_code identity");
        if (_serverTooOld is not null)
        {
            return;
        }

        var model = DomainModel.Build("lab", d => d.Resource<Gadget>().Resource<Manual>().Resource<TwinGadget>());
        _domain = PostgresDomain.Create(model, pg => pg.Repo<GadgetRepo>(ConnectionString));
        await _domain.Postgres().CreateSchemaAsync(ct);
    }
}

public sealed class TypeRoundTripTests(GadgetFixture db) : IClassFixture<GadgetFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_attribute_type_is_stored_and_read_back_exactly()
    {
        var local = new DateTime(2026, 3, 4, 5, 6, 7, 123, DateTimeKind.Unspecified).AddTicks(4560);
        var utc = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        var related = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var created = await db.Domain.CreateAsync<Gadget>(new
        {
            name = "Round Trip",
            code = "RT-1",
            serial = long.MaxValue,
            weight = 2.25,
            enabled = false,
            price = 1234.56m,
            opens_at = new TimeOnly(8, 30, 15),
            local_stamp = local,
            utc_stamp = utc,
            blob = new byte[] { 0, 1, 2, 255 },
            kind = GadgetKind.SprocketWheel,
            extra = new JsonObject { ["color"] = "red", ["n"] = 3 },
            sizes = new List<int> { 3, 1, 2 },
            related,
        }, cancellationToken: Ct);

        var read = await db.Domain.GetAsync<Gadget>(created.Id, cancellationToken: Ct);

        Assert.Equal("Round Trip", read.Name);
        Assert.Equal("hidden", read.Secret);
        Assert.Equal(long.MaxValue, read.Serial);
        Assert.Equal(2.25, read.Weight);
        Assert.False(read.Enabled);
        Assert.Equal(1234.56m, read.Price);
        Assert.Equal(new TimeOnly(8, 30, 15), read.OpensAt);
        Assert.Equal(local, read.LocalStamp);
        Assert.Equal(utc, read.UtcStamp);
        Assert.Equal(DateTimeKind.Utc, read.UtcStamp!.Value.Kind);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read.Blob);
        Assert.Equal(GadgetKind.SprocketWheel, read.Kind);
        Assert.Equal("red", read.Extra!["color"]!.GetValue<string>());
        Assert.Equal([3, 1, 2], read.Sizes!);
        Assert.Equal(related, read.Related!);
        await using var command = db.DataSource.CreateCommand("SELECT kind FROM lab.gadgets WHERE code = 'RT-1'");
        Assert.Equal("sprocket_wheel", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Values_equal_to_the_stored_ones_by_content_change_nothing()
    {
        var created = await db.Domain.CreateAsync<Gadget>(new
        {
            name = "Same",
            code = "SAME-1",
            price = 12.5m,
            small = 1.25m,
            opens_at = new TimeOnly(8, 30, 15),
            local_stamp = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Unspecified).AddTicks(4560),
            utc_stamp = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
            blob = new byte[] { 0, 1, 2, 255 },
            extra = new JsonObject { ["color"] = "red", ["n"] = 3 },
            sizes = new List<int> { 3, 1, 2 },
            seen = new List<DateTimeOffset> { new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) },
        }, cancellationToken: Ct);
        var before = await RowVersionAsync(created.Id);

        // Equal as stored although not equal as .NET objects: other instances, scales, offsets and key orders.
        var same = await db.Domain.UpdateAsync(created, new
        {
            name = "Same",
            price = 12.50m,
            small = 1.250m,
            opens_at = "08:30:15",
            local_stamp = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Unspecified).AddTicks(4563),
            utc_stamp = new DateTimeOffset(2026, 3, 4, 7, 6, 7, TimeSpan.FromHours(2)),
            blob = new byte[] { 0, 1, 2, 255 },
            extra = new JsonObject { ["n"] = 3, ["color"] = "red" },
            sizes = new[] { 3, 1, 2 },
            seen = new[] { new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)) },
            kind = "widget",
        }, cancellationToken: Ct);

        Assert.Same(created, same);
        Assert.Equal(before, await RowVersionAsync(created.Id));
        var changed = await db.Domain.UpdateAsync(created, new { sizes = new[] { 3, 2, 1 }, blob = new byte[] { 0, 1, 2, 255 } }, cancellationToken: Ct);
        Assert.Equal([3, 2, 1], changed.Sizes!);
        Assert.NotEqual(before, await RowVersionAsync(created.Id));
    }

    private async Task<string> RowVersionAsync(Guid id)
    {
        await using var command = db.DataSource.CreateCommand("SELECT xmin::text FROM lab.gadgets WHERE id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Private_attributes_are_not_accepted_as_input()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(new { name = "Private", secret = "x" }, cancellationToken: Ct));

        Assert.Equal("secret", Assert.IsType<NoSuchInput>(Assert.Single(error.Errors)).Field);
    }

    [Fact]
    public async Task A_utc_attribute_refuses_a_datetime_of_unspecified_kind()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(
            new { name = "Unspecified", utc_stamp = new DateTime(2026, 1, 1) }, cancellationToken: Ct));

        Assert.Equal("utc_stamp", Assert.IsType<InvalidAttribute>(Assert.Single(error.Errors)).Field);
    }

    [Fact]
    public async Task Nils_not_distinct_identity_treats_two_nils_as_equal()
    {
        await db.Domain.CreateAsync<Gadget>(new { name = "NoCode1" }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(new { name = "NoCode2" }, cancellationToken: Ct));

        Assert.Equal(("code", "has already been taken"), (error.Errors[0].Field, error.Errors[0].Message));
    }

    [Fact]
    public async Task A_partial_identity_only_applies_to_matching_rows()
    {
        await db.Domain.CreateAsync<Gadget>(new { name = "Partial", code = "P1", enabled = false }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Gadget>(new { name = "PARTIAL", code = "P2", enabled = false }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Gadget>(new { name = "partial", code = "P3", enabled = true }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(new { name = "pArTiAl", code = "P4" }, cancellationToken: Ct));

        Assert.Equal("name", error.Errors[0].Field);
        Assert.Equal(3, (await db.Domain.ReadAsync(Query.For<Gadget>().Filter(g => g.Name == "partial"), cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task Has_one_destination_and_integer_identity_keys_work()
    {
        var gadget = await db.Domain.CreateAsync<Gadget>(new { name = "With manual", code = "M1" }, cancellationToken: Ct);
        var first = await db.Domain.CreateAsync<Manual>(new { title = "First", gadget_id = gadget.Id }, cancellationToken: Ct);
        var second = await db.Domain.CreateAsync<Manual>(new { title = "Second", gadget_id = gadget.Id }, cancellationToken: Ct);

        Assert.True(second.Id > first.Id);
        Assert.Equal("gadget_id", db.Domain.Model.Resource<Gadget>().Relationship("manual")!.DestinationAttribute);
        await db.Domain.DestroyAsync(gadget, cancellationToken: Ct);
        Assert.Null(await db.Domain.FindAsync<Manual>(first.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task Arrays_of_instants_enums_and_nullable_numbers_round_trip()
    {
        var seen = new List<DateTimeOffset> { new(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero) };
        var created = await db.Domain.CreateAsync<Gadget>(new
        {
            name = "Arrays",
            code = "AR-1",
            seen,
            kinds = new[] { GadgetKind.SprocketWheel, GadgetKind.Widget },
            slots = new List<int?> { 1, null, 3 },
        }, cancellationToken: Ct);

        var read = await db.Domain.GetAsync<Gadget>(created.Id, cancellationToken: Ct);

        Assert.Equal(seen, read.Seen!);
        Assert.Equal([GadgetKind.SprocketWheel, GadgetKind.Widget], read.Kinds!);
        Assert.Equal([1, null, 3], read.Slots!);
    }

    [Fact]
    public async Task A_naive_timestamp_takes_any_datetime_kind_as_wall_clock_time()
    {
        var utc = new DateTime(2026, 7, 8, 9, 10, 11, DateTimeKind.Utc);

        var created = await db.Domain.CreateAsync<Gadget>(new { name = "Naive", code = "NV-1", local_stamp = utc }, cancellationToken: Ct);

        Assert.Equal(new DateTime(2026, 7, 8, 9, 10, 11), created.LocalStamp);
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(
            new { name = "Naive2", code = "NV-2", local_stamp = "2026-07-08T09:10:11Z" }, cancellationToken: Ct));
        Assert.Equal("local_stamp", error.Errors[0].Field);
    }

    [Fact]
    public async Task A_number_too_large_for_its_precision_is_refused_on_its_field_before_sql()
    {
        var error = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(new { name = "Precise", code = "PR-1", small = 123.4m }, cancellationToken: Ct));

        Assert.Equal("small", Assert.IsType<InvalidAttribute>(Assert.Single(error.Errors)).Field);
        Assert.Null(error.InnerException);
        Assert.Equal(99.99m, (await db.Domain.CreateAsync<Gadget>(new { name = "Precise", code = "PR-2", small = 99.99m }, cancellationToken: Ct)).Small);
    }

    [Fact]
    public async Task Same_named_constraints_on_tables_in_two_schemas_are_told_apart()
    {
        await db.Domain.CreateAsync<TwinGadget>(new { code = "TWIN" }, cancellationToken: Ct);
        await db.Domain.CreateAsync<Gadget>(new { name = "Twin", code = "TWIN" }, cancellationToken: Ct);

        var twin = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<TwinGadget>(new { code = "TWIN" }, cancellationToken: Ct));
        var gadget = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Gadget>(new { name = "Twin 2", code = "TWIN" }, cancellationToken: Ct));

        Assert.Equal("TwinGadget", twin.Errors[0].Resource);
        Assert.Equal("Gadget", gadget.Errors[0].Resource);
    }
}
