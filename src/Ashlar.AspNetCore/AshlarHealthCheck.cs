using Ashlar.Domains;
using Ashlar.Postgres.DataLayer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Ashlar.AspNetCore;

/// <summary>
/// Healthy when every repo of the domain answers <c>SELECT 1</c> on a connection from its pool; unhealthy (with the
/// repo and the error) when one does not. The data carries each repo's server version.
/// </summary>
internal sealed class AshlarHealthCheck(Domain domain) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var postgres = domain.Postgres();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var repo in postgres.ConnectedRepos.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            try
            {
                var connection = await postgres.DataSource(repo).OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    var command = new NpgsqlCommand("SELECT 1", connection);
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    }

                    data[repo.Name] = connection.PostgreSqlVersion.ToString();
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                data[repo.Name] = e.Message;
                return new HealthCheckResult(context.Registration.FailureStatus, $"The repo {repo.Name} of the domain {domain.Model.Name} cannot be reached: {e.Message}", e, data);
            }
        }

        return HealthCheckResult.Healthy($"Every repo of the domain {domain.Model.Name} answers.", data);
    }
}
