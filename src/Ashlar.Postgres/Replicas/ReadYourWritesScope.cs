using Npgsql;

namespace Ashlar.Postgres.Replicas;

/// <summary>
/// A read-your-writes scope on the current async flow (from <c>PostgresDataLayer.BeginReadYourWrites()</c>): every read
/// inside it sees every write committed inside it before the read, even when the read goes to a lagging replica (it
/// then waits briefly or reads from the primary). Writes remember their commit LSN; reads compare it with the
/// replica's <c>pg_last_wal_replay_lsn()</c>. Scopes nest: a write in an inner scope also counts for the outer ones.
/// Dispose it to end it.
/// </summary>
public sealed class ReadYourWritesScope : IDisposable
{
    private static readonly AsyncLocal<ReadYourWritesScope?> CurrentSlot = new();
    private readonly ReadYourWritesScope? _outer;
    private readonly WalPositions _positions = new();
    private bool _disposed;

    internal ReadYourWritesScope()
    {
        _outer = CurrentSlot.Value;
        CurrentSlot.Value = this;
    }

    internal static ReadYourWritesScope? Current => CurrentSlot.Value;

    /// <summary>Ends the scope; reads after it no longer wait for its writes.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (ReferenceEquals(CurrentSlot.Value, this))
        {
            CurrentSlot.Value = _outer;
        }
    }

    internal void Record(NpgsqlDataSource primary, ulong lsn)
    {
        for (var scope = this; scope is not null; scope = scope._outer)
        {
            scope._positions.Record(primary, lsn);
        }
    }

    internal ulong Required(NpgsqlDataSource primary)
    {
        ulong required = 0;
        for (var scope = this; scope is not null; scope = scope._outer)
        {
            required = Math.Max(required, scope._positions.Of(primary));
        }

        return required;
    }
}
