using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;
using Microsoft.Extensions.Logging;

namespace Ashlar.Postgres.Tests.Queries.Manual;

/// <summary>A database with stories, their notes and writers, after AshPostgres' manual-relationship tests; a domain that logs its SQL.</summary>
public class ManualFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Every statement the domain sent, in order.</summary>
    public SqlLog Sql { get; } = new();

    public static DomainModel Model { get; } = DomainModel.Build("manual", d => d.Resource<Writer>().Resource<Story>().Resource<Note>());

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _domain = PostgresDomain.Create(Model, pg => pg.Repo<Repos.DefaultRepo>(DataSource), LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Sql)));
        await _domain.Postgres().CreateSchemaAsync(ct);
        await using var command = DataSource.CreateCommand(Seed);
        await command.ExecuteNonQueryAsync(ct);
    }

    private const string Seed = """
        INSERT INTO writers (id, name) VALUES (1, 'Ada'), (2, 'Bob');
        INSERT INTO stories (id, title, writer_id) VALUES (1, 'title', 1), (2, 'other', 2), (3, 'empty', 1);
        INSERT INTO notes (id, title, likes, story_id, writer_id) VALUES
          (1, 'title2', 5, 1, 2), (2, 'no match', 9, 1, 1), (3, 'title2', 1, NULL, 1),
          (4, 'another title', 7, 1, 1), (5, 'other thing', 2, 2, 2), (6, 'nothing', 3, 2, 1);
        """;
}
