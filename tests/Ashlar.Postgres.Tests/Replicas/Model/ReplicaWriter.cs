using Ashlar.Postgres.Declarations;
using Ashlar.Resources;

namespace Ashlar.Postgres.Tests.Replicas.Model;

/// <summary>Wrongly stored in the replica's repo: migrations and writes would go to a read-only server.</summary>
public sealed class ReplicaWriter : IResource<ReplicaWriter>
{
    public long Id { get; set; }

    public static void Define(ResourceBuilder<ReplicaWriter> r)
    {
        r.IntegerPrimaryKey(w => w.Id);
        r.Postgres(pg => pg.Table("replica_writers").Repo<ReplicaRepo>());
    }
}
