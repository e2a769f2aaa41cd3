using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>Where a resource's statements run: its repo (primary) and, when declared, its read repo.</summary>
internal sealed record ResourceRoute(NpgsqlDataSource Primary, Type PrimaryRepo, ReplicaState? Replica);
