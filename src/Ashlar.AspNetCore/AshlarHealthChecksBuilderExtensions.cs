using Ashlar.Domains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ashlar.AspNetCore;

/// <summary>Adds Ashlar's health check to an application's health checks.</summary>
public static class AshlarHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that every repo of the registered <see cref="Domain"/> answers a query (<c>SELECT 1</c> on a pooled
    /// connection). Map it with <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    /// <param name="builder">The application's health checks.</param>
    /// <param name="name">The check's name in reports.</param>
    /// <param name="failureStatus">What an unreachable repo reports; <see cref="HealthStatus.Unhealthy"/> unless given.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <param name="timeout">How long the check may take before it counts as failed.</param>
    /// <returns>The health checks builder.</returns>
    public static IHealthChecksBuilder AddAshlar(
        this IHealthChecksBuilder builder, string name = "ashlar", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new AshlarHealthCheck(provider.GetRequiredService<Domain>()),
            failureStatus,
            tags,
            timeout));
    }
}
