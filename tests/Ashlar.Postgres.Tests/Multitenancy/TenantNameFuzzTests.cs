using System.Runtime.CompilerServices;
using System.Text.Json;
using Ashlar.Errors;
using Ashlar.Multitenancy;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>
/// The 485 strings of the blns package (blns.json, MIT, see blns.LICENSE.txt) as tenant names: each one either is a
/// real, separate schema (and tenant-column value) or a typed <see cref="InvalidTenant"/>; a valid name reaches the
/// statement only as its quoted schema, in the same place for every tenant, and the cached shape stays one.
/// </summary>
public sealed class TenantNameFuzzTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_blns_string_is_a_separate_tenant_or_invalid_tenant()
    {
        var names = Blns();
        Assert.Equal(485, names.Length);
        var valid = names.Where(n => TenantNames.Problem(n) is null).Distinct(StringComparer.Ordinal).ToList();
        var invalid = names.Where(n => TenantNames.Problem(n) is not null).ToList();
        Assert.NotEmpty(valid);
        Assert.True(invalid.Count > 400, $"{invalid.Count} invalid");

        await db.CreateTenantsAsync(valid, Ct);
        var text = db.Domain.ToSql(Query.For<Tag>(), "acme");
        for (var i = 0; i < valid.Count; i++)
        {
            await db.Domain.CreateAsync<Tag>(new { id = 1000 + i, name = valid[i] }, tenant: valid[i], cancellationToken: Ct);
            await db.Domain.CreateAsync<Label>(new { id = 1000 + i, name = valid[i] }, tenant: valid[i], cancellationToken: Ct);
            Assert.Equal(text.Replace("\"acme\"", "\"" + valid[i] + "\"", StringComparison.Ordinal), db.Domain.ToSql(Query.For<Tag>(), valid[i]));
        }

        foreach (var tenant in valid)
        {
            Assert.Equal([tenant], (await db.Domain.ReadAsync(Query.For<Tag>(), tenant, Ct)).Select(t => t.Name));
            Assert.Equal([tenant], (await db.Domain.ReadAsync(Query.For<Label>(), tenant, Ct)).Select(t => t.Name));
        }

        foreach (var tenant in invalid)
        {
            var schema = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Tag>(), tenant, Ct));
            Assert.True(schema.Has<InvalidTenant>(), tenant);
            var column = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.CreateAsync<Label>(new { id = 1, name = "x" }, tenant: tenant, cancellationToken: Ct));
            Assert.True(column.Has<InvalidTenant>(), tenant);
        }

        Assert.Equal(valid.Count, await db.Domain.CountAsync(Query.For<Label>().Filter(l => l.Id >= 1000), cancellationToken: Ct));
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Tag>().Filter(t => t.Id >= 1000), "acme", Ct));
    }

    private static string[] Blns([CallerFilePath] string here = "") =>
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "blns.json")))!;
}
