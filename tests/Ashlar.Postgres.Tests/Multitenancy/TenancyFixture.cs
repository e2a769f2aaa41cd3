using System.Text;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Migrations.Tenants;
using Ashlar.Postgres.Tests.Multitenancy.Model;
using Ashlar.Testing;
using Npgsql;

namespace Ashlar.Postgres.Tests.Multitenancy;

/// <summary>
/// A database with the shared tables in public, the global schema-per-tenant table in <c>tmpl</c>, and two
/// tenants, <c>acme</c> and <c>globex</c>, seeded with records whose keys collide on purpose.
/// </summary>
public class TenancyFixture : DatabaseFixture
{
    // The per-tenant tables as the declarations' tenant schema model gives them, schema left as the placeholder.
    private static IReadOnlyList<string> TenantStatements() =>
        SchemaCreator.Statements(ResourceSchemaBuilder.Build(Model, typeof(TenancyRepo), tenants: true));

    private Domain? _domain;

    public static DomainModel Model { get; } = DomainModel.Build("tenancy", d => d
        .Resource<Org>().Resource<Ticket>().Resource<Note>().Resource<Tag>().Resource<TicketTag>().Resource<Notice>()
        .Resource<Job>().Resource<Step>().Resource<Label>().Resource<JobLabel>());

    public Domain Domain => _domain ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Creates the schemas of <paramref name="tenants"/> with the tenant tables, in one statement.</summary>
    public async Task CreateTenantsAsync(IEnumerable<string> tenants, CancellationToken ct)
    {
        var sql = new StringBuilder();
        var statements = TenantStatements();
        foreach (var tenant in tenants)
        {
            var schema = "\"" + tenant.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            sql.Append("CREATE SCHEMA ").Append(schema).Append(";\n");
            foreach (var statement in statements)
            {
                sql.Append(TenantSchema.Bind(statement, tenant)).Append(";\n");
            }
        }

        await using var command = DataSource.CreateCommand(sql.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    protected override void ConfigureDataSource(NpgsqlDataSourceBuilder builder) => builder.ConnectionStringBuilder.MaxPoolSize = 2;

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        await ExecuteAsync("CREATE SCHEMA tmpl", ct);
        _domain = PostgresDomain.Create(Model, pg => pg.Repo<TenancyRepo>(DataSource));
        await _domain.Postgres().CreateSchemaAsync(ct);
        await CreateTenantsAsync(["acme", "globex"], ct);
        await ExecuteAsync(Seed, ct);
    }

    /// <summary>
    /// Both tenants use the same keys (1, 2) for different records; globex's labels and steps point at acme's job 1
    /// too, as a planted cross-tenant link that no read from globex may follow.
    /// </summary>
    private const string Seed = """
        INSERT INTO orgs VALUES (1, 'Acme Inc'), (2, 'Globex Corp');
        INSERT INTO acme.tickets VALUES (1, 'acme printer', 3, 1), (2, 'acme coffee', 1, 1);
        INSERT INTO acme.notes VALUES (1, 'acme note', true, 1), (2, 'acme second', false, 1);
        INSERT INTO acme.tags VALUES (1, 'acme-tag');
        INSERT INTO acme.ticket_tags VALUES (1, 1);
        INSERT INTO acme.notices VALUES (1, 'acme notice');
        INSERT INTO globex.tickets VALUES (1, 'globex server', 2, 2), (2, 'globex badge', 5, 2);
        INSERT INTO globex.notes VALUES (1, 'globex note', true, 2);
        INSERT INTO globex.tags VALUES (1, 'globex-tag');
        INSERT INTO globex.ticket_tags VALUES (2, 1);
        INSERT INTO tmpl.notices VALUES (1, 'shared notice');
        INSERT INTO jobs (id, org_key, title, priority) OVERRIDING SYSTEM VALUE VALUES
          (1, 'acme', 'acme build', 3), (2, 'acme', 'acme deploy', 1), (3, 'globex', 'globex build', 2), (4, 'globex', 'globex audit', 5);
        SELECT setval(pg_get_serial_sequence('jobs', 'id'), 100);
        INSERT INTO steps VALUES (1, 'acme', 1, 1), (2, 'acme', 2, 1), (3, 'globex', 1, 3), (4, 'globex', 2, 1);
        INSERT INTO labels VALUES (1, 'acme', 'acme-label'), (2, 'globex', 'globex-label');
        INSERT INTO job_labels VALUES (1, 1, 'acme'), (3, 2, 'globex'), (1, 2, 'globex');
        """;
}
