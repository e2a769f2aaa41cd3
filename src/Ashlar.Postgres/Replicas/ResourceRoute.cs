using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>Where a resource's statements run: its repo (primary) and its replicas (a declared read repo, or those connected).</summary>
internal sealed record ResourceRoute(NpgsqlDataSource Primary, Type PrimaryRepo, ReplicaGroup? Replicas);
