using Ashlar.Postgres.Repos;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>The streaming replica of <see cref="PrimaryRepo"/>: plain reads.</summary>
public sealed class ReplicaRepo : PostgresRepo;
