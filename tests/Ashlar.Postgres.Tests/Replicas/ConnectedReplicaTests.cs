using System.Collections.Concurrent;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Replicas.Model;
using Ashlar.Queries;
using Ashlar.Testing;
using Npgsql;
using Xunit;
using static Ashlar.Postgres.Tests.Replicas.LedgerReplicaFixture;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>
/// Replicas given to a repo when connecting (<c>pg.ReadReplica&lt;TRepo&gt;(...)</c>) serve the reads of its resources
/// that declare no read repo; several are taken in turn, and one that stops is skipped.
/// </summary>
public sealed class ConnectedReplicaTests(LedgerReplicaFixture db) : IClassFixture<LedgerReplicaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replica_connected_to_a_repo_serves_the_plain_reads_of_its_resources_that_declare_no_read_repo()
    {
        await using var domain = PostgresDomain.Create(ReplicaModel.Model, pg => pg
            .Repo<PrimaryRepo>(db.PrimaryConnectionString)
            .Repo<ReplicaRepo>(db.ReplicaConnectionString)
            .ReadReplica<PrimaryRepo>(db.ReplicaConnectionString));
        var servers = RecordServers(domain);
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "connected", Value = 1 }, cancellationToken: Ct);
        var line = await domain.CreateAsync<AuditLine>(new { Text = "opened", LedgerId = ledger.Id }, cancellationToken: Ct);
        Assert.Equal([false, false], Drain(servers));
        await db.Replica.WaitForReplayAsync(Ct);

        Assert.Equal("opened", (await domain.GetAsync<AuditLine>(line.Id, cancellationToken: Ct)).Text);
        Assert.Equal(1, await domain.CountAsync(Query.For<AuditLine>().Filter(a => a.LedgerId == ledger.Id), cancellationToken: Ct));
        Assert.Equal([true, true], Drain(servers));
        Assert.Single(await domain.ReadAsync(Query.For<AuditLine>().Filter(a => a.Id == line.Id).Lock(), cancellationToken: Ct));
        Assert.Equal([false], Drain(servers));
        Assert.Equal((2L, 1L), (domain.Postgres().ReadRouting.ReadsOnReplica, domain.Postgres().ReadRouting.ReadsOnPrimary));
    }

    [Fact]
    public async Task Writes_without_returned_rows_record_their_commit_so_the_next_read_sees_them()
    {
        await using var domain = PostgresDomain.Create(ReplicaModel.Model, pg => pg
            .Repo<PrimaryRepo>(db.PrimaryConnectionString)
            .Repo<ReplicaRepo>(db.ReplicaConnectionString)
            .ReadReplica<PrimaryRepo>(db.ReplicaConnectionString)
            .Replicas(o => o.ReadYourWrites = true));
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "bulk", Value = 1 }, cancellationToken: Ct);
        var line = await domain.CreateAsync<AuditLine>(new { Text = "before", LedgerId = ledger.Id }, cancellationToken: Ct);

        Assert.Equal(1, await domain.UpdateAllAsync(Query.For<AuditLine>().Filter(a => a.Id == line.Id), new { Text = "after" }, cancellationToken: Ct));
        Assert.Equal("after", (await domain.GetAsync<AuditLine>(line.Id, cancellationToken: Ct)).Text);
        Assert.Equal(1, await domain.DestroyAllAsync(Query.For<AuditLine>().Filter(a => a.Id == line.Id), cancellationToken: Ct));
        Assert.Equal(0, await domain.CountAsync(Query.For<AuditLine>().Filter(a => a.Id == line.Id), cancellationToken: Ct));
    }

    [Fact]
    public async Task Several_replicas_take_the_reads_in_turn_and_one_that_stops_is_skipped()
    {
        var database = new NpgsqlConnectionStringBuilder(db.PrimaryConnectionString).Database!; // skips where no replica can be made
        var primary = await ReplicationPrimary.GetAsync(Ct);
        await using var second = await TemporaryReplica.StartAsync(primary, new TemporaryReplicaOptions(), Ct);
        var secondConnection = new NpgsqlConnectionStringBuilder(second.ConnectionStringFor(database)) { Timeout = 2, CommandTimeout = 10 }.ConnectionString;
        await using var domain = PostgresDomain.Create(ReplicaModel.Model, pg => pg
            .Repo<PrimaryRepo>(db.PrimaryConnectionString)
            .Repo<ReplicaRepo>(db.ReplicaConnectionString)
            .ReadReplica<PrimaryRepo>(db.ReplicaConnectionString)
            .ReadReplica<PrimaryRepo>(secondConnection));
        var ports = new ConcurrentQueue<(int Port, bool InRecovery)>();
        domain.Postgres().ServedBy = connection =>
        {
            using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            ports.Enqueue((connection.Port, (bool)command.ExecuteScalar()!));
        };
        var ledger = await domain.CreateAsync<Ledger>(new { Name = "turns", Value = 1 }, cancellationToken: Ct);
        var line = await domain.CreateAsync<AuditLine>(new { Text = "twice", LedgerId = ledger.Id }, cancellationToken: Ct);
        await db.Replica.WaitForReplayAsync(Ct);
        await second.WaitForReplayAsync(Ct);
        ports.Clear();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("twice", (await domain.GetAsync<AuditLine>(line.Id, cancellationToken: Ct)).Text);
        }

        var served = ports.ToList();
        ports.Clear();
        Assert.All(served, s => Assert.True(s.InRecovery));
        Assert.Equal(5, served.Count(s => s.Port == db.Replica.Port));
        Assert.Equal(5, served.Count(s => s.Port == second.Port));

        await second.StopServerAsync(cancellationToken: Ct);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("twice", (await domain.GetAsync<AuditLine>(line.Id, cancellationToken: Ct)).Text);
        }

        Assert.Equal(Enumerable.Repeat((db.Replica.Port, true), 10), ports);
        Assert.Equal(20L, domain.Postgres().ReadRouting.ReadsOnReplica);
        Assert.Equal(0L, domain.Postgres().ReadRouting.ReadsOnPrimary);
    }
}
