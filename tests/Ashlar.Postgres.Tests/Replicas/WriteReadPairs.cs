using Ashlar.Domains;
using Ashlar.Errors;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Tests.Replicas.Model;

namespace Ashlar.Postgres.Tests.Replicas;

/// <summary>Write → read pairs on one ledger row: each update sets Value to the pair's number; a read that sees less is stale.</summary>
internal static class WriteReadPairs
{
    public static async Task<PairResult> RunAsync(Domain domain, int pairs, string name, CancellationToken ct)
    {
        var ledger = await domain.CreateAsync<Ledger>(new { Name = name, Value = 0 }, cancellationToken: ct);
        var routing = domain.Postgres().ReadRouting;
        var (replicaBefore, primaryBefore) = (routing.ReadsOnReplica, routing.ReadsOnPrimary);
        var stale = 0;
        for (var i = 1; i <= pairs; i++)
        {
            ledger = await domain.UpdateAsync(ledger, new { Value = i }, cancellationToken: ct);
            try
            {
                if ((await domain.GetAsync<Ledger>(ledger.Id, cancellationToken: ct)).Value != i)
                {
                    stale++;
                }
            }
            catch (InvalidException e) when (e.Has<NotFound>())
            {
                // The replica has not even applied the row's insert yet.
                stale++;
            }
        }

        return new PairResult(pairs, stale, routing.ReadsOnReplica - replicaBefore, routing.ReadsOnPrimary - primaryBefore);
    }
}
