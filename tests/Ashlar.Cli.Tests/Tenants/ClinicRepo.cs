using Ashlar.Postgres.Repos;

namespace Ashlar.Cli.Tests.Tenants;

/// <summary>The repo of the command-line tenant tests: clinics are global, each clinic's visits live in its own schema.</summary>
public sealed class ClinicRepo : PostgresRepo;
