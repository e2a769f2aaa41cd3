using Npgsql;
using Xunit;

namespace Ashlar.Testing;

/// <summary>
/// Skips a test, with a reason, when the test run's server is older than what the test needs, e.g.
/// <c>needs PostgreSQL 15 (NULLS NOT DISTINCT); this server is 14.23</c>. On a new enough server nothing is skipped.
/// Only a missing server feature is a reason to skip: a missing server program still fails the test.
/// </summary>
public static class ServerVersion
{
    /// <summary>The server version of the database behind <paramref name="dataSource"/>, e.g. 14.23.</summary>
    /// <param name="dataSource">A fixture's data source.</param>
    /// <param name="ct">Cancels opening the connection.</param>
    /// <returns>The version the server reported when the connection opened.</returns>
    public static async Task<Version> OfAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return connection.PostgreSqlVersion;
    }

    /// <summary>Why a test needing PostgreSQL <paramref name="major"/> cannot run on <paramref name="server"/>, or null when it can.</summary>
    /// <param name="server">The running server's version.</param>
    /// <param name="major">The first major that has what the test needs.</param>
    /// <param name="feature">What the test needs from that major, e.g. <c>NULLS NOT DISTINCT</c>.</param>
    /// <returns>The skip reason, or null.</returns>
    public static string? Lacking(Version server, int major, string feature)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Major >= major ? null : $"needs PostgreSQL {major} ({feature}); this server is {server}";
    }

    /// <summary>Skips the running test when <paramref name="server"/> is older than <paramref name="major"/>.</summary>
    /// <param name="server">The running server's version.</param>
    /// <param name="major">The first major that has what the test needs.</param>
    /// <param name="feature">What the test needs from that major, e.g. <c>NULLS NOT DISTINCT</c>.</param>
    public static void Require(Version server, int major, string feature) => SkipIf(Lacking(server, major, feature));

    /// <summary>Skips the running test when the server behind <paramref name="dataSource"/> is older than <paramref name="major"/>.</summary>
    /// <param name="dataSource">A fixture's data source.</param>
    /// <param name="major">The first major that has what the test needs.</param>
    /// <param name="feature">What the test needs from that major, e.g. <c>NULLS NOT DISTINCT</c>.</param>
    /// <param name="ct">Cancels opening the connection.</param>
    /// <returns>A task that completes when the test may go on.</returns>
    public static async Task RequireAsync(NpgsqlDataSource dataSource, int major, string feature, CancellationToken ct = default) =>
        Require(await OfAsync(dataSource, ct), major, feature);

    /// <summary>
    /// Skips the running test with <paramref name="reason"/> unless it is null; for fixtures that found the server too
    /// old while setting up (xunit fails, rather than skips, a test whose class fixture throws).
    /// </summary>
    /// <param name="reason">A reason from <see cref="Lacking"/>, or null.</param>
    public static void SkipIf(string? reason) => Assert.SkipWhen(reason is not null, reason ?? "");
}
