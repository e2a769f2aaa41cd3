using System.Diagnostics.CodeAnalysis;
using Ashlar.Domains;
using Ashlar.Postgres.Declarations;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Replicas;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

public sealed partial class PostgresDataLayer
{
    private readonly ReadRouter _router;

    /// <summary>Where the reads of resources with a read repo went (replica or primary, and why), since creation.</summary>
    public ReadRoutingCounters ReadRouting => _router.Counters;

    /// <summary>For tests: called with the connection that ran each statement, after it succeeded.</summary>
    internal Action<NpgsqlConnection>? ServedBy
    {
        get => _runner.ServedBy;
        set => _runner.ServedBy = value;
    }

    /// <summary>
    /// Starts a read-your-writes scope on the current async flow: until it is disposed, a read sees every write
    /// committed inside the scope before it, even when it goes to a lagging replica (see <see cref="ReadYourWritesScope"/>).
    /// For the whole data layer instead, set <see cref="ReplicaOptions.ReadYourWrites"/>.
    /// </summary>
    /// <returns>The scope; dispose it to end it.</returns>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Reached through the domain: domain.Postgres().BeginReadYourWrites().")]
    public ReadYourWritesScope BeginReadYourWrites() => new();

    private static IEnumerable<Type> ReadRepos(DomainModel domain) =>
        domain.Resources.Select(r => r.Extension<PostgresOptions>()?.ReadRepoType).OfType<Type>();

    private async ValueTask RecordCommitsAsync(AmbientTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await _runner.RecordCommitsAsync(transaction.Connections, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (e is not PostgresException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrorTranslator.Translate(e, "transaction", connected: true);
        }
    }
}
