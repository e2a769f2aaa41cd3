using System.Globalization;
using Npgsql;

namespace Ashlar.LocalCluster;

/// <summary>The SQL side of making and watching a streaming replica: primary checks, the streaming state, replay positions.</summary>
internal static class ReplicationSetup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Makes sure the primary can feed a replica: <c>wal_level</c> at least <c>replica</c>, <c>max_wal_senders</c> above
    /// zero, and a <c>host replication</c> entry for 127.0.0.1 in <c>pg_hba.conf</c> (added and reloaded when missing).
    /// </summary>
    public static async Task PreparePrimaryAsync(TemporaryCluster primary, CancellationToken ct)
    {
        var connection = await OpenAsync(primary.ConnectionString, ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var walLevel = (string)(await ScalarAsync(connection, "SELECT current_setting('wal_level')", ct).ConfigureAwait(false))!;
            var senders = int.Parse((string)(await ScalarAsync(connection, "SELECT current_setting('max_wal_senders')", ct).ConfigureAwait(false))!, CultureInfo.InvariantCulture);
            if (walLevel == "minimal" || senders == 0)
            {
                throw new InvalidOperationException(
                    $"The primary on port {primary.Port} cannot feed a replica (wal_level = {walLevel}, max_wal_senders = {senders}); " +
                    "start it with ServerSettings wal_level = replica and max_wal_senders = 10.");
            }

            var hbaRules = (long)(await ScalarAsync(connection,
                "SELECT count(*) FROM pg_hba_file_rules WHERE type = 'host' AND 'replication' = ANY(database) AND address = '127.0.0.1'", ct).ConfigureAwait(false))!;
            if (hbaRules == 0)
            {
                var hba = Path.Combine(primary.RootDirectory, "data", "pg_hba.conf");
                await File.AppendAllTextAsync(hba, "\n# Added by Ashlar's TemporaryReplica.\nhost replication postgres 127.0.0.1/32 trust\n", ct).ConfigureAwait(false);
                await ScalarAsync(connection, "SELECT pg_reload_conf()", ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until the primary reports the replica <paramref name="applicationName"/> as streaming and the replica is in recovery.</summary>
    public static async Task WaitForStreamingAsync(string primary, string replica, string applicationName, CancellationToken ct)
    {
        while (true)
        {
            var state = await ScalarAsync(primary,
                "SELECT state FROM pg_stat_replication WHERE application_name = $1", ct, applicationName).ConfigureAwait(false);
            if (state is "streaming" && await ScalarAsync(replica, "SELECT pg_is_in_recovery()", ct).ConfigureAwait(false) is true)
            {
                return;
            }

            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the replica has replayed everything the primary had inserted into its WAL when the wait began.</summary>
    public static async Task WaitForReplayAsync(string primary, string replica, CancellationToken ct)
    {
        var target = (NpgsqlTypes.NpgsqlLogSequenceNumber)(await ScalarAsync(primary, "SELECT pg_current_wal_insert_lsn()", ct).ConfigureAwait(false))!;
        while (await ScalarAsync(replica, "SELECT pg_last_wal_replay_lsn()", ct).ConfigureAwait(false) is not NpgsqlTypes.NpgsqlLogSequenceNumber replayed
               || replayed < target)
        {
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken ct, params object[] parameters)
    {
        var connection = await OpenAsync(connectionString, ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ScalarAsync(connection, sql, ct, parameters).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        // Unpooled: a replica that is stopped and started again must not hand out dead pooled connections here.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
