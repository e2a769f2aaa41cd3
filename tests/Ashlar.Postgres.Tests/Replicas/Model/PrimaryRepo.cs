using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>The primary: writes, locks, transactions and migrations.</summary>
public sealed class PrimaryRepo : PostgresRepo;
