using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Repos;
using Ashlar.Queries;
using Ashlar.Resources;
using Ashlar.Testing;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>An enum used as a relationship key.</summary>
public enum TeamLevel
{
    Low,
    High,
}

/// <summary>Loads keyed by int/bigint, case-insensitive text, bytes and enums group rows as the database matched them.</summary>
public sealed class LoadKeyTests(LoadKeyTests.TeamFixture db) : IClassFixture<LoadKeyTests.TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Int_source_key_long_destination_key()
    {
        var teams = await db.Domain.ReadAsync(Query.For<Team>().Sort(t => t.Id).Load(t => t.ByCode, m => m.Sort(x => x.Id)), cancellationToken: Ct);
        Assert.Equal([[1L, 2], [1L, 2], [3L]], teams.Select(t => t.ByCode!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Int_source_key_long_destination_key_lateral()
    {
        var teams = await db.Domain.ReadAsync(Query.For<Team>().Sort(t => t.Id).Load(t => t.ByCode, m => m.Sort(x => x.Id).Limit(5)), cancellationToken: Ct);
        Assert.Equal([[1L, 2], [1L, 2], [3L]], teams.Select(t => t.ByCode!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Citext_keys_match_as_the_database_does()
    {
        var teams = await db.Domain.ReadAsync(Query.For<Team>().Sort(t => t.Id).Load(t => t.ByEmail, m => m.Sort(x => x.Id)), cancellationToken: Ct);
        Assert.Equal([[1L], [2L], [3L]], teams.Select(t => t.ByEmail!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Binary_keys()
    {
        var teams = await db.Domain.ReadAsync(Query.For<Team>().Sort(t => t.Id).Load(t => t.ByTag, m => m.Sort(x => x.Id)), cancellationToken: Ct);
        Assert.Equal([[1L], [2L], [3L]], teams.Select(t => t.ByTag!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Enum_keys()
    {
        var teams = await db.Domain.ReadAsync(Query.For<Team>().Sort(t => t.Id).Load(t => t.ByLevel, m => m.Sort(x => x.Id)), cancellationToken: Ct);
        Assert.Equal([[1L, 3], [2L], [1L, 3]], teams.Select(t => t.ByLevel!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Concurrent_first_use_on_a_fresh_domain()
    {
        var domain = PostgresDomain.Create(TeamFixture.Model, pg => pg.Repo<TeamRepo>(db.DataSource));
        var query = Query.For<Team>().Sort(t => t.Id).Load(t => t.ByCode, m => m.Sort(x => x.Id).Load(x => x.Team)).Load(t => t.ByLevel, m => m.Sort(x => x.Id));
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await domain.ReadAsync(query, cancellationToken: Ct))));
        foreach (var teams in results)
        {
            Assert.Equal([[1L, 2], [1L, 2], [3L]], teams.Select(t => t.ByCode!.Select(m => m.Id).ToArray()));
            Assert.Equal([[1L, 3], [2L], [1L, 3]], teams.Select(t => t.ByLevel!.Select(m => m.Id).ToArray()));
        }
    }

    public sealed class TeamFixture : DatabaseFixture
    {
        private Domain? _domain;

        public static DomainModel Model { get; } = DomainModel.Build("teams", d => d.Resource<Team>().Resource<Member>().Resource<Club>().Resource<ClubMember>());

        public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

        protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
        {
            _domain = PostgresDomain.Create(Model, pg => pg.Repo<TeamRepo>(DataSource));
            await _domain.Postgres().CreateSchemaAsync(ct);
            await using var command = DataSource.CreateCommand("""
                INSERT INTO teams (id, code, email, tag, level, max_price) VALUES
                  (1, 10, 'Ada@x.org', '\x01', 'low', 5), (2, 10, 'bob@x.org', '\x02', 'high', 100), (3, 20, 'cy@x.org', '\x03', 'low', 100);
                INSERT INTO members (id, team_code, team_email, team_tag, level, price, team_id) VALUES
                  (1, 10, 'ada@x.org', '\x01', 'low', 3, 1), (2, 10, 'bob@x.org', '\x02', 'high', 50, 2), (3, 20, 'cy@x.org', '\x03', 'low', 1, 3);
                INSERT INTO clubs (id, name) VALUES (1, 'chess'), (2, 'go');
                INSERT INTO club_members (id, club_id, member_id) VALUES (1, 1, 1), (2, 1, 2), (3, 2, 3);
                """);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public sealed class TeamRepo : PostgresRepo
    {
        public override IReadOnlyList<string> InstalledExtensions => ["citext"];
    }

    [Fact]
    public async Task Many_to_many_with_int_source_key_and_bigint_join_column()
    {
        var clubs = await db.Domain.ReadAsync(Query.For<Club>().Sort(c => c.Id).Load(c => c.Members, m => m.Sort(x => x.Id)), cancellationToken: Ct);
        Assert.Equal([[1L, 2], [3L]], clubs.Select(c => c.Members!.Select(m => m.Id).ToArray()));
    }

    [Fact]
    public async Task Many_to_many_with_int_source_key_and_bigint_join_column_lateral()
    {
        var clubs = await db.Domain.ReadAsync(Query.For<Club>().Sort(c => c.Id).Load(c => c.Members, m => m.Sort(x => x.Id).Limit(5)), cancellationToken: Ct);
        Assert.Equal([[1L, 2], [3L]], clubs.Select(c => c.Members!.Select(m => m.Id).ToArray()));
    }

    public sealed class Club : IResource<Club>
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public List<Member>? Members { get; set; }

        public static void Define(ResourceBuilder<Club> r)
        {
            r.IntegerPrimaryKey(c => c.Id);
            r.Attribute(c => c.Name);
            r.ManyToMany(c => c.Members, m => m.Through<ClubMember, long, long>(j => j.ClubId, j => j.MemberId));
            r.DefaultActions();
            r.Postgres(pg => pg.Table("clubs").Repo<TeamRepo>());
        }
    }

    public sealed class ClubMember : IResource<ClubMember>
    {
        public long Id { get; set; }
        public long ClubId { get; set; }
        public long MemberId { get; set; }

        public static void Define(ResourceBuilder<ClubMember> r)
        {
            r.IntegerPrimaryKey(c => c.Id);
            r.Attribute(c => c.ClubId);
            r.Attribute(c => c.MemberId);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("club_members").Repo<TeamRepo>());
        }
    }

    public sealed class Team : IResource<Team>
    {
        public long Id { get; set; }
        public int Code { get; set; }
        public string Email { get; set; } = "";
        public byte[] Tag { get; set; } = [];
        public TeamLevel Level { get; set; }
        public int MaxPrice { get; set; }
        public List<Member>? ByCode { get; set; }
        public List<Member>? ByEmail { get; set; }
        public List<Member>? ByTag { get; set; }
        public List<Member>? ByLevel { get; set; }
        public List<Member>? Members { get; set; }

        public static void Define(ResourceBuilder<Team> r)
        {
            r.IntegerPrimaryKey(t => t.Id);
            r.Attribute(t => t.Code);
            r.Attribute(t => t.Email, a => a.CaseInsensitive());
            r.Attribute(t => t.Tag);
            r.Attribute(t => t.Level);
            r.Attribute(t => t.MaxPrice);
            r.HasMany(t => t.ByCode, h => h.SourceAttribute(t => t.Code).DestinationAttribute(m => m.TeamCode));
            r.HasMany(t => t.ByEmail, h => h.SourceAttribute(t => t.Email).DestinationAttribute(m => m.TeamEmail));
            r.HasMany(t => t.ByTag, h => h.SourceAttribute(t => t.Tag).DestinationAttribute(m => m.TeamTag));
            r.HasMany(t => t.ByLevel, h => h.SourceAttribute(t => t.Level).DestinationAttribute(m => m.Level));
            r.HasMany(t => t.Members, h => h.DestinationAttribute(m => m.TeamId));
            r.DefaultActions();
            r.Postgres(pg => pg.Table("teams").Repo<TeamRepo>());
        }
    }

    public sealed class Member : IResource<Member>
    {
        public long Id { get; set; }
        public int TeamCode { get; set; }
        public string TeamEmail { get; set; } = "";
        public byte[] TeamTag { get; set; } = [];
        public TeamLevel Level { get; set; }
        public int Price { get; set; }
        public long? TeamId { get; set; }
        public Team? Team { get; set; }

        public static void Define(ResourceBuilder<Member> r)
        {
            r.IntegerPrimaryKey(m => m.Id);
            r.Attribute(m => m.TeamCode);
            r.Attribute(m => m.TeamEmail, a => a.CaseInsensitive());
            r.Attribute(m => m.TeamTag);
            r.Attribute(m => m.Level);
            r.Attribute(m => m.Price);
            r.BelongsTo(m => m.Team);
            r.DefaultActions();
            r.Postgres(pg => pg.Table("members").Repo<TeamRepo>());
        }
    }
}
