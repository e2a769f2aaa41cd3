using System.Collections.Concurrent;
using System.Diagnostics;
using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.DataLayer.Outage;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.DataLayer;

/// <summary>
/// Writes go on while the server goes away and comes back. A cluster of its own: stopping the shared one would fail
/// every other test class.
/// </summary>
public sealed class ServerRestartTests : IAsyncLifetime
{
    private const int Writers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private TemporaryCluster? _cluster;
    private string _connectionString = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TemporaryCluster Cluster => _cluster ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        // The throwaway cluster acknowledges commits before writing them out; a server that may lose acknowledged rows
        // on a crash would make the test about the settings, not about Ashlar.
        var durable = new TemporaryClusterOptions { ServerSettings = new Dictionary<string, string> { ["synchronous_commit"] = "on" } };
        _cluster = await TemporaryCluster.StartAsync(durable, Ct);
        _connectionString = await _cluster.CreateDatabaseAsync("server_restart", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(ServerStopMode.Fast)]
    [InlineData(ServerStopMode.Immediate)]
    public async Task Every_error_while_the_server_restarts_is_transient_unavailable_and_no_acknowledged_row_is_lost(ServerStopMode mode)
    {
        await using var domain = PostgresDomain.Create(DomainModel.Build("outage", d => d.Resource<Reading>()), pg => pg.Repo<OutageRepo>(_connectionString));
        await domain.Postgres().CreateSchemaAsync(Ct);
        var run = new WriteRun(domain);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(run.WriteUntilStoppedAsync, Ct)).ToArray();

        await UntilAsync(() => run.Acknowledged.Count >= 50, "writes before the outage");
        await Cluster.StopServerAsync(mode, Ct);
        await UntilAsync(() => !run.Failures.IsEmpty, "a failed write during the outage");
        await Cluster.ResumeServerAsync(Ct);
        var afterRestart = run.Acknowledged.Count;
        await UntilAsync(() => run.Acknowledged.Count >= afterRestart + 50, "writes after the restart");
        run.Stop();
        await Task.WhenAll(writers);

        Assert.All(run.Failures, failure =>
        {
            var exception = Assert.IsType<InvalidException>(failure);
            var error = Assert.IsType<Unavailable>(Assert.Single(exception.Errors));
            Assert.True(error.IsTransient, error.ToString());
            Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
        });
        var stored = await StoredIdsAsync();
        Assert.Subset(stored, run.Acknowledged.Keys.ToHashSet());
        TestContext.Current.SendDiagnosticMessage(
            $"{mode}: {run.Acknowledged.Count} acknowledged, {stored.Count} stored, {run.Failures.Count} failures: " +
            string.Join(", ", run.Failures.GroupBy(f => f.InnerException is PostgresException p ? p.SqlState : f.InnerException?.GetType().Name).Select(g => $"{g.Key} ×{g.Count()}")));
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"Gave up waiting for {what} after {Patience}.");
            await Task.Delay(10, Ct);
        }
    }

    private async Task<HashSet<Guid>> StoredIdsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT id FROM readings", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Writers creating readings one at a time, noting each acknowledged id and each failure.</summary>
    private sealed class WriteRun(Domain domain)
    {
        private volatile bool _stopped;

        public ConcurrentDictionary<Guid, bool> Acknowledged { get; } = new();

        public ConcurrentQueue<Exception> Failures { get; } = new();

        public void Stop() => _stopped = true;

        public async Task WriteUntilStoppedAsync()
        {
            while (!_stopped)
            {
                try
                {
                    var reading = await domain.CreateAsync<Reading>(new { label = "during an outage" }, cancellationToken: Ct);
                    Acknowledged[reading.Id] = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failures.Enqueue(e);
                    await Task.Delay(1, Ct); // A caller backs off a little before retrying.
                }
            }
        }
    }
}
