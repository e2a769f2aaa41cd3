using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Repos;
using Ashlar.Testing;
using HelpDesk;
using HelpDesk.Resources;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>
/// A database of its own holding the help desk's tables, and a domain over it. On a server older than the help desk's
/// <c>NULLS NOT DISTINCT</c> identities need, nothing is created and every test that asks for <see cref="Domain"/> is skipped.
/// </summary>
public sealed class HelpDeskFixture : DatabaseFixture
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
            PostgresCapabilities.Since(PostgresFeature.NullsNotDistinct), "NULLS NOT DISTINCT, for the help desk's identities");
        if (_serverTooOld is not null)
        {
            return;
        }

        _domain = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(ConnectionString));
        await _domain.Postgres().CreateSchemaAsync(ct);
    }
}
