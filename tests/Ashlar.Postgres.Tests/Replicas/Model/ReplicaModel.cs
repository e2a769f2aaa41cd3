using Ashlar.Domains;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>The domain the replica tests share.</summary>
public static class ReplicaModel
{
    public static DomainModel Model { get; } = DomainModel.Build("ledgers", d => d.Resource<Ledger>().Resource<LedgerEntry>().Resource<AuditLine>());
}
