using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Queries;
using Ashlar.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>
/// A resource declaring only a create action, over a server that cannot be reached: every other entry point fails with
/// <see cref="NoSuchAction"/> saying how to declare one, before any connection is tried (else it would be
/// <see cref="Unavailable"/>).
/// </summary>
public sealed class NoSuchActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_entry_point_of_a_resource_without_that_kind_of_action_says_how_to_declare_one()
    {
        var model = DomainModel.Build("ledger", d => d.Resource<Entry>());
        await using var domain = PostgresDomain.Create(model, pg => pg.Repo<LedgerRepo>("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2"));
        var entry = new Entry { Id = Guid.NewGuid(), Amount = 5 };

        var errors = new[]
        {
            await Assert.ThrowsAsync<InvalidException>(() => domain.GetAsync<Entry>(entry.Id, cancellationToken: Ct)),
            await Assert.ThrowsAsync<InvalidException>(() => domain.FindAsync<Entry>(entry.Id, cancellationToken: Ct)),
            await Assert.ThrowsAsync<InvalidException>(() => domain.ReadAsync(Query.For<Entry>(), cancellationToken: Ct)),
            await Assert.ThrowsAsync<InvalidException>(() => domain.PageAsync(Query.For<Entry>(), 10, cancellationToken: Ct)),
            await Assert.ThrowsAsync<InvalidException>(() => domain.UpdateAsync(entry, e => e.Amount = 6, cancellationToken: Ct)),
            await Assert.ThrowsAsync<InvalidException>(() => domain.DestroyAsync(entry, cancellationToken: Ct)),
        }.Select(e => Assert.IsType<NoSuchAction>(Assert.Single(e.Errors))).ToList();

        Assert.Equal(
            ["has no read action: declare one (r.DefaultActions() or r.Read(\"name\", ...))", "has no read action: declare one (r.DefaultActions() or r.Read(\"name\", ...))",
             "has no read action: declare one (r.DefaultActions() or r.Read(\"name\", ...))", "has no read action: declare one (r.DefaultActions() or r.Read(\"name\", ...))",
             "has no update action: declare one (r.DefaultActions() or r.Update(\"name\", ...))", "has no destroy action: declare one (r.DefaultActions() or r.Destroy(\"name\", ...))"],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(("Entry", (string?)null), (e.Resource, e.Action)));
        Assert.All(errors, e => Assert.Empty(e.Available));
    }

    public sealed class LedgerRepo : Repos.PostgresRepo;

    public sealed class Entry : IResource<Entry>
    {
        public Guid Id { get; set; }

        public int Amount { get; set; }

        public static void Define(ResourceBuilder<Entry> r)
        {
            r.UuidPrimaryKey(e => e.Id);
            r.Attribute(e => e.Amount);
            r.Create("post", a => a.Accept(e => e.Amount));
            r.Postgres(pg => pg.Table("entries").Repo<LedgerRepo>());
        }
    }
}
