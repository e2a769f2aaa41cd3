using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>
/// The session-level advisory lock that serializes deployers, one per history table. It is taken by polling
/// <c>pg_try_advisory_lock</c> in autocommit — a waiter never blocks inside a transaction, so a
/// <c>CREATE INDEX CONCURRENTLY</c> run by the holder cannot wait on it — and it goes away with the session
/// if the holder dies, so there is never a stale lock to clean up.
/// </summary>
internal sealed class MigrationLock
{
    private readonly NpgsqlConnection _connection;
    private readonly ILogger _logger;

    private MigrationLock(NpgsqlConnection connection, long key, TimeSpan waited, ILogger logger)
    {
        _connection = connection;
        Key = key;
        Waited = waited;
        _logger = logger;
    }

    public long Key { get; }

    public TimeSpan Waited { get; }

    public static long KeyFor(MigrationRunnerOptions options)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ashlar:migrations:{options.HistorySchema}.{options.HistoryTable}"));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    public static async Task<MigrationLock> AcquireAsync(NpgsqlConnection connection, MigrationRunnerOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var key = KeyFor(options);
        var clock = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            if (await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
            {
                MigrationLog.LockTaken(logger, key, clock.ElapsedMilliseconds);
                // Taken at the first try is no wait, however slow that round trip was on a loaded machine.
                return new MigrationLock(connection, key, announced ? clock.Elapsed : TimeSpan.Zero, logger);
            }

            if (clock.Elapsed >= options.LockTimeout)
            {
                var (pid, application) = await HolderAsync(connection, key, cancellationToken).ConfigureAwait(false);
                throw new MigrationLockTimeoutException(clock.Elapsed, pid, application);
            }

            if (!announced)
            {
                var (pid, application) = await HolderAsync(connection, key, cancellationToken).ConfigureAwait(false);
                MigrationLog.WaitingForLock(logger, pid, application);
                announced = true;
            }

            var remaining = options.LockTimeout - clock.Elapsed;
            var pause = remaining < options.LockPollInterval ? remaining : options.LockPollInterval;
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task ReleaseAsync()
    {
        try
        {
            // Not cancellable on purpose: the lock must be given back even when the caller gave up.
            var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = Key } } };
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            MigrationLog.UnlockFailed(_logger, e, Key);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
        await using (command.ConfigureAwait(false))
        {
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static async Task<(int? Pid, string? Application)> HolderAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
        const string sql = """
            SELECT l.pid, a.application_name
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::text::bigint = $1 AND l.objid::text::bigint = $2
            LIMIT 1
            """;
        var high = (long)((ulong)key >> 32);
        var low = (long)((ulong)key & 0xFFFF_FFFF);
        var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = high }, new() { Value = low } } };
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1))
                    : (null, null);
            }
        }
    }
}
