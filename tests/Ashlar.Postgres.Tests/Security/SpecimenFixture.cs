using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;

namespace Ashlar.Postgres.Tests.Security;

/// <summary>A database of its own with the specimens table and one stored specimen; a domain over it.</summary>
public class SpecimenFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    public Specimen Stored { get; private set; } = null!;

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        var model = DomainModel.Build("security", d => d.Resource<Specimen>());
        _domain = PostgresDomain.Create(model, pg => pg.Repo<SpecimenRepo>(DataSource));
        await _domain.Postgres().CreateSchemaAsync(ct);
        Stored = await _domain.CreateAsync<Specimen>(new { name = "stored", nickname = "Stored", tags = new[] { "a" } }, cancellationToken: ct);
    }
}
