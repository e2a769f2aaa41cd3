using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Testing;

namespace Ashlar.Postgres.Tests.Actions.Model;

/// <summary>A database of its own with the actions model's tables; a domain over it.</summary>
public class ActionsFixture : DatabaseFixture
{
    private Domain? _domain;

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    public static DomainModel Model { get; } = DomainModel.Build("actions", d => d
        .Resource<Article>().Resource<Writer>().Resource<Remark>().Resource<AuditEntry>().Resource<Memo>().Resource<Label>().Resource<ArticleLabel>());

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        _domain = PostgresDomain.Create(Model, pg => pg.Repo<ActionsRepo>(DataSource));
        await _domain.Postgres().CreateSchemaAsync(ct);
    }
}
