using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;
using HelpDesk;
using HelpDesk.Resources;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>A database of its own holding the help desk's tables, and a domain over it.</summary>
public sealed class HelpDeskFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _domain = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(ConnectionString));
        await _domain.Postgres().CreateSchemaAsync(ct);
    }
}
