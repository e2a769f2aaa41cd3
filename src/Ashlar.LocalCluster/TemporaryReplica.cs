using System.Globalization;
using System.Runtime.InteropServices;

namespace Ashlar.LocalCluster;

/// <summary>
/// A throwaway streaming replica of a <see cref="TemporaryCluster"/>: a base backup taken with
/// <c>pg_basebackup -R -X stream</c> into its own temporary directory, started as a hot standby on its own free port
/// of 127.0.0.1, streaming from the primary. Disposing stops it and deletes its directory (the primary is left alone).
/// </summary>
/// <remarks>
/// Like the cluster, the programs run as the <c>postgres</c> user when this process is root, and the replica is
/// stopped when the process exits without disposing. Every database of the primary, including ones created later,
/// is on the replica too: <see cref="ConnectionStringFor"/> connects to one.
/// </remarks>
public sealed class TemporaryReplica : IAsyncDisposable
{
    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromSeconds(60);
    private readonly bool _runAsServerUser;
    private readonly string _applicationName;
    private readonly EventHandler _onProcessExit;
    private readonly PosixSignalRegistration[] _onSignals;
    private int _disposed;

    private TemporaryReplica(TemporaryCluster primary, bool runAsServerUser, string rootDirectory, int port, string applicationName)
    {
        Primary = primary;
        _runAsServerUser = runAsServerUser;
        RootDirectory = rootDirectory;
        Port = port;
        _applicationName = applicationName;
        ConnectionString = DatabaseAdmin.ConnectionStringFor(
            new Npgsql.NpgsqlConnectionStringBuilder(primary.ConnectionString) { Port = port }.ConnectionString, "postgres");
        var binaries = primary.Binaries;
        _onProcessExit = (_, _) => TemporaryCluster.Stop(binaries, runAsServerUser, rootDirectory);
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
        _onSignals = OperatingSystem.IsWindows()
            ? []
            : [
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => TemporaryCluster.Stop(binaries, runAsServerUser, rootDirectory)),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => TemporaryCluster.Stop(binaries, runAsServerUser, rootDirectory)),
            ];
    }

    /// <summary>The primary this replica streams from.</summary>
    public TemporaryCluster Primary { get; }

    /// <summary>Connection string for the replica's <c>postgres</c> database as <c>postgres</c> (read-only: it is a hot standby).</summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port the replica listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The temporary directory holding the replica's data directory (<c>data</c>) and server log (<c>log</c>).</summary>
    public string RootDirectory { get; }

    /// <summary>
    /// Makes a replica of <paramref name="primary"/> and waits until it streams: the primary must have
    /// <c>wal_level</c> <c>replica</c> or higher and WAL senders (PostgreSQL's defaults); a <c>host replication</c>
    /// entry for 127.0.0.1 is added to its <c>pg_hba.conf</c> when missing.
    /// </summary>
    /// <param name="primary">The running cluster to copy and follow.</param>
    /// <param name="options">Apply delay, extra settings, how long to wait; defaults when null.</param>
    /// <param name="ct">Cancels the start; the half-made replica is stopped and deleted.</param>
    /// <returns>The streaming replica; dispose it to stop it and delete its files.</returns>
    /// <exception cref="PostgresBinariesNotFoundException">The primary's bin directory has no <c>pg_basebackup</c>.</exception>
    /// <exception cref="InvalidOperationException">The primary cannot feed a replica, or a program failed (the message has its output and the log's tail).</exception>
    /// <exception cref="TimeoutException">The replica was not streaming within <see cref="TemporaryReplicaOptions.StartTimeout"/>.</exception>
    public static async Task<TemporaryReplica> StartAsync(TemporaryCluster primary, TemporaryReplicaOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(primary);
        options ??= new TemporaryReplicaOptions();
        var baseBackup = Path.Combine(primary.Binaries.BinDirectory, OperatingSystem.IsWindows() ? "pg_basebackup.exe" : "pg_basebackup");
        if (!File.Exists(baseBackup))
        {
            throw new PostgresBinariesNotFoundException(
                $"{primary.Binaries.BinDirectory} has no pg_basebackup; install the PostgreSQL client programs of the same major version as the server.");
        }

        var runAsServerUser = !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
        var root = Directory.CreateTempSubdirectory(TemporaryCluster.DirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(root, TemporaryCluster.OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            await ReplicationSetup.PreparePrimaryAsync(primary, timeout.Token).ConfigureAwait(false);
            if (runAsServerUser)
            {
                await TemporaryCluster.RunCheckedAsync(root, TemporaryCluster.SystemProgram("chown"),
                    ["-R", $"{TemporaryCluster.ServerUser}:{TemporaryCluster.ServerUser}", root], timeout.Token).ConfigureAwait(false);
            }

            var data = Path.Combine(root, "data");
            await TemporaryCluster.RunServerProgramAsync(runAsServerUser, root, baseBackup,
                [
                    "-D", data, "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", TemporaryCluster.ServerUser,
                    "-R", "-X", "stream", "-c", "fast", "--no-sync",
                ],
                timeout.Token).ConfigureAwait(false);

            var applicationName = "ashlar_replica_" + Guid.NewGuid().ToString("N")[..8];
            var settings = new Dictionary<string, string>
            {
                ["hot_standby"] = "on",
                ["cluster_name"] = applicationName,
                ["recovery_min_apply_delay"] = Milliseconds(options.ApplyDelay),
            };
            foreach (var (name, value) in options.ServerSettings ?? new Dictionary<string, string>())
            {
                settings[name] = value;
            }

            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), TemporaryCluster.Settings(root, settings), timeout.Token).ConfigureAwait(false);
            var port = await TemporaryCluster.StartServerAsync(primary.Binaries, runAsServerUser, root, options.StartTimeout, timeout.Token).ConfigureAwait(false);
            var replica = new TemporaryReplica(primary, runAsServerUser, root, port, applicationName);
            try
            {
                await replica.WaitForStreamingAsync(timeout.Token).ConfigureAwait(false);
                return replica;
            }
            catch
            {
                await replica.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e)
        {
            var logTail = TemporaryCluster.LogTail(root);
            TemporaryCluster.Stop(primary.Binaries, runAsServerUser, root);
            if (e is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The temporary replica was not streaming within {options.StartTimeout}.{logTail}", e);
            }

            throw;
        }
    }

    /// <summary><see cref="ConnectionString"/> with <c>Database</c> set to <paramref name="database"/> (a database of the primary).</summary>
    /// <param name="database">The database's name.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) => DatabaseAdmin.ConnectionStringFor(ConnectionString, database);

    /// <summary>Waits until the primary reports this replica as streaming (after a start or a resume).</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the replica streams.</returns>
    public Task WaitForStreamingAsync(CancellationToken cancellationToken = default) =>
        ReplicationSetup.WaitForStreamingAsync(Primary.ConnectionString, ConnectionString, _applicationName, cancellationToken);

    /// <summary>
    /// Waits until the replica has replayed everything written on the primary before the call (its
    /// <c>pg_last_wal_replay_lsn()</c> reached the primary's <c>pg_current_wal_insert_lsn()</c>); with an apply delay
    /// this takes at least the delay.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the replica has caught up.</returns>
    public Task WaitForReplayAsync(CancellationToken cancellationToken = default) =>
        ReplicationSetup.WaitForReplayAsync(Primary.ConnectionString, ConnectionString, cancellationToken);

    /// <summary>Changes <c>recovery_min_apply_delay</c> and reloads the replica's configuration.</summary>
    /// <param name="delay">The new delay; zero applies at once.</param>
    /// <param name="cancellationToken">Cancels waiting for <c>pg_ctl reload</c>.</param>
    /// <returns>A task that completes when the replica was told to reload.</returns>
    public async Task SetApplyDelayAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var settings = TemporaryCluster.Settings(RootDirectory, new Dictionary<string, string> { ["recovery_min_apply_delay"] = Milliseconds(delay) });
        await File.AppendAllTextAsync(Path.Combine(RootDirectory, "data", "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);
        await TemporaryCluster.RunServerProgramAsync(_runAsServerUser, RootDirectory, Primary.Binaries.PgCtl,
            ["-D", Path.Combine(RootDirectory, "data"), "reload"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the replica but keeps its data, as an outage would; clients are refused until <see cref="ResumeServerAsync"/>.</summary>
    /// <param name="mode">How the server stops.</param>
    /// <param name="cancellationToken">Cancels waiting for <c>pg_ctl</c>.</param>
    /// <returns>A task that completes when the replica has stopped.</returns>
    public Task StopServerAsync(ServerStopMode mode = ServerStopMode.Fast, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return TemporaryCluster.RunServerProgramAsync(_runAsServerUser, RootDirectory, Primary.Binaries.PgCtl,
            ["-D", Path.Combine(RootDirectory, "data"), "-m", mode == ServerStopMode.Immediate ? "immediate" : "fast", "-w", "stop"], cancellationToken);
    }

    /// <summary>Starts the replica stopped by <see cref="StopServerAsync"/> again on <see cref="Port"/> and waits until it streams.</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the replica streams again.</returns>
    public async Task ResumeServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await TemporaryCluster.RunServerProgramAsync(_runAsServerUser, RootDirectory, Primary.Binaries.PgCtl,
            TemporaryCluster.StartArguments(RootDirectory, Port, ResumeTimeout), cancellationToken).ConfigureAwait(false);
        await WaitForStreamingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the replica (<c>pg_ctl stop -m immediate</c>) and deletes <see cref="RootDirectory"/>. Never throws.</summary>
    /// <returns>A task that completes when the replica is stopped and its files are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        foreach (var registration in _onSignals)
        {
            registration.Dispose();
        }

        await Task.Run(() => TemporaryCluster.Stop(Primary.Binaries, _runAsServerUser, RootDirectory)).ConfigureAwait(false);
    }

    private static string Milliseconds(TimeSpan delay) =>
        Math.Max(0, (long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
