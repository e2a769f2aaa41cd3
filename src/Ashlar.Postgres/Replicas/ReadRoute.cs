namespace Ashlar.Postgres.Replicas;

/// <summary>Why a read ran where it did, for the log.</summary>
internal enum ReadRoute
{
    /// <summary>The read repo (replica) served it.</summary>
    Replica,

    /// <summary>The read locks rows, so the primary served it.</summary>
    Lock,

    /// <summary>The read is inside a transaction, which runs on the primary.</summary>
    Transaction,

    /// <summary>The replica had not replayed the scope's last write within the wait.</summary>
    ReplicaBehind,

    /// <summary>The replica could not be reached; the primary served it.</summary>
    ReplicaUnavailable,
}
