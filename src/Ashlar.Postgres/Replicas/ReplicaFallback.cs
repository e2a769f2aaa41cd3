namespace Ashlar.Postgres.Replicas;

/// <summary>What a read does when its read repo (a replica) cannot be reached.</summary>
public enum ReplicaFallback
{
    /// <summary>The read fails with a transient <see cref="Ashlar.Errors.Unavailable"/> naming the read repo (the default).</summary>
    Fail,

    /// <summary>The read runs on the resource's repo (the primary) instead.</summary>
    ReadFromPrimary,
}
