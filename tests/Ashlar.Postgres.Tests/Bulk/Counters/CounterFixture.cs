using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;

namespace Ashlar.Postgres.Tests.Bulk.Counters;

/// <summary>A database of its own holding the counters, teams and tallies, and a domain over it.</summary>
public sealed class CounterFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        var model = DomainModel.Build("counters", d => d.Resource<Team>().Resource<Counter>().Resource<Tally>());
        _domain = PostgresDomain.Create(model, pg => pg.Repo<CounterRepo>(ConnectionString));
        await _domain.Postgres().CreateSchemaAsync(ct);
    }
}
