using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Migrations.Tenants.Saas;

/// <summary>The repo of the tenant-migration tests: workspaces are global, their folders and notes are per tenant.</summary>
public sealed class SaasRepo : PostgresRepo
{
}
