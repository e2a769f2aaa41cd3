using System.Collections.Concurrent;
using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Replicas;
using Ashlar.Postgres.Tests.Replicas.Model;
using Ashlar.Testing;
using Npgsql;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>The ledger tables on a primary with a streaming replica of their own; domains whose reads go to the replica.</summary>
public class LedgerReplicaFixture : ReplicatedDatabaseFixture
{
    /// <summary>A domain writing to the primary and reading from the replica, with the given replica options.</summary>
    public Domain CreateDomain(Action<ReplicaOptions>? configure = null) =>
        PostgresDomain.Create(ReplicaModel.Model, pg => pg
            .Repo<PrimaryRepo>(PrimaryConnectionString)
            .Repo<ReplicaRepo>(ReplicaConnectionString)
            .Replicas(o => configure?.Invoke(o)));

    /// <summary>Records, per statement the domain runs, whether the server that ran it was in recovery (a standby).</summary>
    public static ConcurrentQueue<bool> RecordServers(Domain domain)
    {
        var servers = new ConcurrentQueue<bool>();
        domain.Postgres().ServedBy = connection =>
        {
            using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            servers.Enqueue((bool)command.ExecuteScalar()!);
        };
        return servers;
    }

    /// <summary>Takes what <see cref="RecordServers"/> recorded so far: true for the replica, false for the primary.</summary>
    public static bool[] Drain(ConcurrentQueue<bool> servers)
    {
        var taken = new List<bool>();
        while (servers.TryDequeue(out var inRecovery))
        {
            taken.Add(inRecovery);
        }

        return [.. taken];
    }

    protected override async ValueTask InitializeDatabaseAsync(CancellationToken ct)
    {
        await using var domain = CreateDomain();
        await domain.Postgres().CreateSchemaAsync(ct);
        await Replica.WaitForReplayAsync(ct);
    }
}
