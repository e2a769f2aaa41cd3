using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Queries;
using Xunit;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>Schema per tenant: acme and globex use the same keys; nothing of one is visible or writable from the other.</summary>
public sealed class ContextIsolationTests(TenancyFixture db) : IClassFixture<TenancyFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filter_sort_count_and_exists_see_only_the_tenants_records()
    {
        var all = Query.For<Ticket>().Sort(t => t.Priority);
        Assert.Equal(["acme coffee", "acme printer"], (await db.Domain.ReadAsync(all, "acme", Ct)).Select(t => t.Title));
        Assert.Equal(["globex server", "globex badge"], (await db.Domain.ReadAsync(all, "globex", Ct)).Select(t => t.Title));
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Ticket>().Filter(t => t.Title.StartsWith("acme")), "globex", Ct));
        Assert.Equal(2, await db.Domain.CountAsync(Query.For<Ticket>(), "globex", Ct));
        Assert.False(await db.Domain.ExistsAsync(Query.For<Ticket>().Filter(t => t.Title == "acme printer"), "globex", Ct));
        Assert.Equal("globex server", (await db.Domain.GetAsync<Ticket>(1L, "globex", Ct)).Title);
    }

    [Fact]
    public async Task Relationship_conditions_and_aggregates_stay_in_the_tenant()
    {
        // acme's ticket 1 has two notes and a tag; globex's ticket 1 none, its ticket 2 one note and a tag.
        var withNotes = Query.For<Ticket>().Filter(t => t.Notes!.Any(n => n.Body.Contains("note")));
        Assert.Equal(["globex badge"], (await db.Domain.ReadAsync(withNotes, "globex", Ct)).Select(t => t.Title));
        var tagged = Query.For<Ticket>().Filter(t => t.Tags!.Any(g => g.Name == "acme-tag"));
        Assert.Empty(await db.Domain.ReadAsync(tagged, "globex", Ct));
        var counted = await db.Domain.ReadAsync(Query.For<Ticket>().Sort(t => t.Id).LoadAggregate(t => t.NoteCount), "globex", Ct);
        Assert.Equal([0, 1], counted.Select(t => t.NoteCount ?? 0));
        var inline = await db.Domain.AggregateAsync(Query.For<Ticket>(), a => a.Sum(t => t.Priority), tenant: "globex", cancellationToken: Ct);
        Assert.Equal(7, inline);
        var sortedByCount = await db.Domain.ReadAsync(Query.For<Ticket>().Sort(t => t.Notes!.Count(), descending: true).Limit(1), "globex", Ct);
        Assert.Equal("globex badge", sortedByCount.Single().Title);
    }

    [Fact]
    public async Task Loads_of_every_relationship_kind_stay_in_the_tenant_and_shared_resources_in_their_schema()
    {
        var query = Query.For<Ticket>().Sort(t => t.Id).Load(t => t.Notes).Load(t => t.PinnedNote).Load(t => t.Tags).Load(t => t.Org);
        var globex = await db.Domain.ReadAsync(query, "globex", Ct);
        Assert.Empty(globex[0].Notes!);
        Assert.Null(globex[0].PinnedNote);
        Assert.Empty(globex[0].Tags!);
        Assert.Equal(["globex note"], globex[1].Notes!.Select(n => n.Body));
        Assert.Equal("globex note", globex[1].PinnedNote!.Body);
        Assert.Equal(["globex-tag"], globex[1].Tags!.Select(g => g.Name));
        Assert.All(globex, t => Assert.Equal("Globex Corp", t.Org!.Name));

        var note = await db.Domain.ReadAsync(Query.For<Note>().Load(n => n.Ticket), "globex", Ct);
        Assert.Equal("globex badge", note.Single().Ticket!.Title);

        var sql = db.Domain.ToSql(Query.For<Ticket>().Filter(t => t.Org!.Name == "x" && t.Notes!.Any()), "globex");
        Assert.Contains("FROM \"globex\".\"tickets\" AS \"t0\" LEFT JOIN \"public\".\"orgs\" AS", sql, StringComparison.Ordinal);
        Assert.Contains("FROM \"globex\".\"notes\" AS", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("FROM \"tickets\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("FROM \"notes\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_pages_and_locks_stay_in_the_tenant()
    {
        var first = await db.Domain.PageAsync(Query.For<Ticket>().Sort(t => t.Title), 1, count: true, tenant: "globex", cancellationToken: Ct);
        Assert.Equal(["globex badge"], first.Records.Select(t => t.Title));
        Assert.Equal(2, first.Count);
        var second = await db.Domain.PageAsync(Query.For<Ticket>().Sort(t => t.Title), 1, first.NextCursor, tenant: "globex", cancellationToken: Ct);
        Assert.Equal(["globex server"], second.Records.Select(t => t.Title));
        Assert.False(second.HasMore);

        var locked = await db.Domain.TransactionAsync(ct => db.Domain.ReadAsync(Query.For<Ticket>().Filter(t => t.Id == 1).Lock(), "acme", ct), Ct);
        Assert.Equal("acme printer", locked.Single().Title);
    }

    [Fact]
    public async Task Writes_go_to_the_tenants_schema_and_cannot_reach_another_tenants_record()
    {
        var created = await db.Domain.CreateAsync<Tag>(new { id = 50, name = "made in acme" }, tenant: "acme", cancellationToken: Ct);
        Assert.Null(await db.Domain.FindAsync<Tag>(50L, "globex", Ct));
        Assert.Equal("made in acme", (await db.Domain.GetAsync<Tag>(50L, "acme", Ct)).Name);

        // Same key in globex: updating or destroying acme's record from globex touches nothing.
        var stale = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.UpdateAsync(created, new { name = "hijacked" }, tenant: "globex", cancellationToken: Ct));
        Assert.True(stale.Has<StaleRecord>());
        await Assert.ThrowsAsync<InvalidException>(() => db.Domain.DestroyAsync(created, tenant: "globex", cancellationToken: Ct));
        Assert.Equal("made in acme", (await db.Domain.GetAsync<Tag>(50L, "acme", Ct)).Name);
        var missing = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.GetAsync<Tag>(50L, "globex", Ct));
        Assert.True(missing.Has<NotFound>());

        await db.Domain.TransactionAsync(async ct =>
        {
            await db.Domain.UpdateAsync(created, new { name = "renamed" }, tenant: "acme", cancellationToken: ct);
            await db.Domain.CreateAsync<Tag>(new { id = 50, name = "globex's own 50" }, tenant: "globex", cancellationToken: ct);
        }, Ct);
        Assert.Equal("renamed", (await db.Domain.GetAsync<Tag>(50L, "acme", Ct)).Name);
        Assert.Equal("globex's own 50", (await db.Domain.GetAsync<Tag>(50L, "globex", Ct)).Name);
        await db.Domain.DestroyAsync(await db.Domain.GetAsync<Tag>(50L, "globex", Ct), tenant: "globex", cancellationToken: Ct);
        await db.Domain.DestroyAsync(await db.Domain.GetAsync<Tag>(50L, "acme", Ct), tenant: "acme", cancellationToken: Ct);
    }

    [Fact]
    public async Task A_tenant_without_a_schema_is_a_typed_error_not_another_schemas_rows()
    {
        var e = await Assert.ThrowsAsync<InvalidException>(() => db.Domain.ReadAsync(Query.For<Notice>(), "initech", Ct));
        Assert.True(e.Has<InvalidTenant>());
        Assert.Equal(["shared notice"], (await db.Domain.ReadAsync(Query.For<Notice>(), cancellationToken: Ct)).Select(n => n.Text));
        Assert.Equal(["acme notice"], (await db.Domain.ReadAsync(Query.For<Notice>(), "acme", Ct)).Select(n => n.Text));
        Assert.Empty(await db.Domain.ReadAsync(Query.For<Notice>(), "globex", Ct));
    }
}
