using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>Remembers the commit LSN of writes that a later read must see (read-your-writes).</summary>
internal interface ICommitTracker
{
    /// <summary>Whether a write committed on <paramref name="primary"/> now must have its LSN fetched.</summary>
    bool Wants(NpgsqlDataSource primary);

    /// <summary>Remembers a commit's LSN (<c>pg_current_wal_insert_lsn()</c> read after the commit).</summary>
    void Record(NpgsqlDataSource primary, ulong lsn);
}
