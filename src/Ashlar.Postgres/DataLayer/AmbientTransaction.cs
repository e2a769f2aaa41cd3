using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>
/// The transaction of the current async flow: one connection and transaction per repo data source, opened on
/// first use. <see cref="CommandRunner"/> uses it instead of a pooled connection while it is set.
/// </summary>
internal sealed class AmbientTransaction : IAsyncDisposable
{
    private static readonly AsyncLocal<AmbientTransaction?> CurrentSlot = new();
    private readonly Dictionary<NpgsqlDataSource, (NpgsqlConnection Connection, NpgsqlTransaction Transaction)> _open = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static AmbientTransaction? Current
    {
        get => CurrentSlot.Value;
        set => CurrentSlot.Value = value;
    }

    public async ValueTask<NpgsqlConnection> ConnectionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_open.TryGetValue(dataSource, out var open))
            {
                var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                open = (connection, await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
                _open[dataSource] = open;
            }

            return open.Connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The connection opened on each data source so far.</summary>
    public IEnumerable<(NpgsqlDataSource Source, NpgsqlConnection Connection)> Connections =>
        _open.Select(open => (open.Key, open.Value.Connection));

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, transaction) in _open.Values)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back.
        foreach (var (connection, transaction) in _open.Values)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _open.Clear();
        _gate.Dispose();
    }
}
