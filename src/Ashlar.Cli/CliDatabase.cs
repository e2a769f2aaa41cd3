using Ashlar.LocalCluster;
using Npgsql;

namespace Ashlar.Cli;

/// <summary>The database a command works on: the application's, or a throwaway cluster the command owns.</summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly TemporaryCluster? _cluster;

    private CliDatabase(NpgsqlDataSource dataSource, TemporaryCluster? cluster)
    {
        DataSource = dataSource;
        _cluster = cluster;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Connects to the configured database, or starts a throwaway one when allowed; null (with a message) otherwise.</summary>
    public static async Task<CliDatabase?> OpenAsync(CliOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new CliDatabase(NpgsqlDataSource.Create(options.ConnectionString), null);
        }

        var source = options.ConnectionStringSource is null ? "" : $" (set {options.ConnectionStringSource})";
        if (!options.UseTemporaryClusterWithoutConnection)
        {
            await options.Error.WriteLineAsync($"No database connection string{source}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var cluster = await TemporaryCluster.StartAsync(ct: cancellationToken).ConfigureAwait(false);
        try
        {
            await options.Output.WriteLineAsync(
                ($"No database connection string{source}: using a throwaway PostgreSQL {cluster.Version} on port {cluster.Port}, " +
                 "deleted when this command ends. That shows what the command does, but changes no real database.").AsMemory(),
                cancellationToken).ConfigureAwait(false);
            var connectionString = await cluster.CreateDatabaseAsync("ashlar", cancellationToken).ConfigureAwait(false);
            return new CliDatabase(NpgsqlDataSource.Create(connectionString), cluster);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
