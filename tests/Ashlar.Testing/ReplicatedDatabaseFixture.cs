using Ashlar.LocalCluster;
using Npgsql;
using Xunit;

namespace Ashlar.Testing;

/// <summary>
/// A fresh database on the shared <see cref="ReplicationPrimary"/> plus a streaming replica of its own
/// (<see cref="TemporaryReplica"/>), for tests that route reads to a real standby. The replica is the fixture's alone,
/// so tests may stop, resume or delay it. Both are removed after the tests that share the fixture.
/// </summary>
public class ReplicatedDatabaseFixture : IAsyncLifetime
{
    private TemporaryCluster? _primary;
    private TemporaryReplica? _replica;
    private string? _database;
    private string? _skipReason;
    private string _primaryConnectionString = "";
    private string _replicaConnectionString = "";

    /// <summary>The primary's connection string for the fixture's database.</summary>
    /// <remarks>Skips the calling test when the server binaries cannot make a replica (no <c>pg_basebackup</c>).</remarks>
    public string PrimaryConnectionString => Ready(_primaryConnectionString);

    /// <summary>
    /// The replica's connection string for the fixture's database, with a 2-second connect <c>Timeout</c> and a
    /// 10-second <c>Command Timeout</c>, so a stopped replica is noticed quickly.
    /// </summary>
    public string ReplicaConnectionString => Ready(_replicaConnectionString);

    /// <summary>The replica, to stop, resume, delay or wait for.</summary>
    public TemporaryReplica Replica => Ready(_replica) ?? throw NotInitialized();

    /// <summary>The apply delay the replica starts with; none by default.</summary>
    protected virtual TimeSpan InitialApplyDelay => TimeSpan.Zero;

    /// <summary>Creates the database, starts the replica and waits until it streams, then runs <see cref="InitializeDatabaseAsync"/>.</summary>
    /// <returns>A task that completes when both servers are ready.</returns>
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _primary = await ReplicationPrimary.GetAsync(ct);
        var baseBackup = Path.Combine(_primary.Binaries.BinDirectory, OperatingSystem.IsWindows() ? "pg_basebackup.exe" : "pg_basebackup");
        if (!File.Exists(baseBackup))
        {
            // The npm server packages used for other majors ship no client programs; xunit fails a fixture that
            // skips, so the fixture creates nothing and each test skips with the reason.
            _skipReason = $"needs pg_basebackup to make a replica; {_primary.Binaries.BinDirectory} has none (server-only binaries)";
            return;
        }

        _database = PostgresServer.UniqueDatabaseName(TestContext.Current.TestClass?.TestClassSimpleName ?? GetType().Name);
        _primaryConnectionString = await _primary.CreateDatabaseAsync(_database, ct);
        _replica = await TemporaryReplica.StartAsync(_primary, new TemporaryReplicaOptions { ApplyDelay = InitialApplyDelay }, ct);
        _replicaConnectionString = new NpgsqlConnectionStringBuilder(_replica.ConnectionStringFor(_database)) { Timeout = 2, CommandTimeout = 10 }.ConnectionString;
        await InitializeDatabaseAsync(ct);
    }

    /// <summary>Stops the replica and drops the database (best effort).</summary>
    /// <returns>A task that completes when both are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        if (_primary is not null && _database is not null)
        {
            try
            {
                await _primary.DropDatabaseAsync(_database);
            }
            catch (NpgsqlException)
            {
                // The server goes away with the test run anyway.
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Override to create tables or seed rows once the database and the replica exist.</summary>
    /// <param name="ct">The test run's cancellation token.</param>
    /// <returns>A task that completes when the database is set up.</returns>
    protected virtual ValueTask InitializeDatabaseAsync(CancellationToken ct) => ValueTask.CompletedTask;

    private T Ready<T>(T value)
    {
        Assert.SkipWhen(_skipReason is not null, _skipReason ?? "");
        return value;
    }

    private InvalidOperationException NotInitialized() =>
        new($"{GetType().Name} is not initialized yet: xunit calls InitializeAsync before the tests run.");
}
