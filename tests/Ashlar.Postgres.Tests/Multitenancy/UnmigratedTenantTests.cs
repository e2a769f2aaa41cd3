using Ashlar.Errors;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>
/// A tenant whose schema exists but lacks a table (a tenant not yet migrated), while a table of the same name sits in
/// <c>public</c> (where a global resource without a declared schema keeps its rows, and where the search path always
/// looks for extension types): no statement of the tenant may read, count or write <c>public</c>'s rows instead.
/// </summary>
public sealed class UnmigratedTenantTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_missing_a_table_is_a_typed_error_and_never_reads_or_writes_the_public_table_of_that_name()
    {
        await db.ExecuteAsync(
            """
            CREATE SCHEMA halfway;
            CREATE TABLE public.tags (id bigint PRIMARY KEY, name text NOT NULL);
            INSERT INTO public.tags VALUES (1, 'public-tag');
            """, Ct);

        var read = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.ReadAsync(Query.For<Tag>(), "halfway", Ct));
        var error = Assert.IsType<InvalidTenant>(Assert.Single(read.Errors));
        Assert.Contains("halfway", error.Message, StringComparison.Ordinal);
        Assert.Contains("migrate --tenants", error.Message, StringComparison.Ordinal);

        Assert.IsType<InvalidTenant>(Assert.Single((await Assert.ThrowsAnyAsync<AshlarException>(() =>
            db.Domain.CountAsync(Query.For<Tag>(), "halfway", Ct))).Errors));
        Assert.IsType<InvalidTenant>(Assert.Single((await Assert.ThrowsAnyAsync<AshlarException>(() =>
            db.Domain.FindAsync<Tag>(1L, "halfway", Ct))).Errors));
        Assert.IsType<InvalidTenant>(Assert.Single((await Assert.ThrowsAnyAsync<AshlarException>(() =>
            db.Domain.CreateAsync<Tag>(new { id = 2, name = "written" }, tenant: "halfway", cancellationToken: Ct))).Errors));
        Assert.IsType<InvalidTenant>(Assert.Single((await Assert.ThrowsAnyAsync<AshlarException>(() =>
            db.Domain.DestroyAsync(new Tag { Id = 1, Name = "public-tag" }, tenant: "halfway", cancellationToken: Ct))).Errors));

        // public's row is untouched and alone, and a migrated tenant still reads its own.
        await using (var command = db.DataSource.CreateCommand("SELECT string_agg(name, ',') FROM public.tags"))
        {
            Assert.Equal("public-tag", await command.ExecuteScalarAsync(Ct));
        }

        Assert.Equal(["acme-tag"], (await db.Domain.ReadAsync(Query.For<Tag>(), "acme", Ct)).Select(t => t.Name));
    }

    [Fact]
    public async Task A_tenant_without_a_schema_is_invalid_tenant()
    {
        var read = await Assert.ThrowsAnyAsync<AshlarException>(() => db.Domain.ReadAsync(Query.For<Ticket>(), "nowhere", Ct));
        var error = Assert.IsType<InvalidTenant>(Assert.Single(read.Errors));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }
}
