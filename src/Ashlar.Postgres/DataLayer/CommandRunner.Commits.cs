using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Replicas;
using Ashlar.Postgres.Sql.Statements;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Postgres.DataLayer;

internal sealed partial class CommandRunner
{
    private const string LsnColumn = "ashlar_commit_lsn";

    /// <summary>Remembers the commit LSN of writes outside transactions, for read-your-writes; null when no repo has a replica.</summary>
    public ICommitTracker? Tracker { get; set; }

    /// <summary>For tests: called with the connection that ran a statement, after it succeeded and before it goes back to the pool.</summary>
    public Action<NpgsqlConnection>? ServedBy { get; set; }

    /// <summary>
    /// Runs a write outside a transaction and reads the primary's <c>pg_current_wal_insert_lsn()</c> after its commit, in
    /// the same round trip: a batch with error barriers makes the write its own implicit transaction, committed before
    /// the second statement runs, so the LSN is at or after the end of the write's commit record.
    /// </summary>
    private async ValueTask<TResult> RunRecordingCommitAsync<TSink, TResult>(
        NpgsqlConnection connection, NpgsqlDataSource dataSource, CompiledStatement command, string text, TSink sink, ICommitTracker tracker, CancellationToken cancellationToken)
        where TSink : IRowSink<TResult>
    {
        Interlocked.Increment(ref _commands);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            PostgresLog.Executing(logger, text);
        }

        var batch = new NpgsqlBatch(connection) { EnableErrorBarriers = true };
        await using (batch.ConfigureAwait(false))
        {
            var write = new NpgsqlBatchCommand(text);
            AddParameters(write.Parameters, command);
            batch.BatchCommands.Add(write);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_current_wal_insert_lsn() AS {LsnColumn}"));
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var read = 0;
                if (sink.ReadsRows)
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        sink.Add(reader);
                        read++;
                    }
                }

                // A write without RETURNING has no result set: the reader may already stand on the LSN's.
                while (reader.FieldCount == 0 || reader.GetName(0) != LsnColumn)
                {
                    if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException("The commit LSN's result set is missing from the write's batch.");
                    }
                }

                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                tracker.Record(dataSource, (ulong)reader.GetFieldValue<NpgsqlLogSequenceNumber>(0));
                return sink.Complete(sink.ReadsRows ? read : write.RecordsAffected);
            }
        }
    }

    /// <summary>After a transaction committed: remembers each tracked connection's <c>pg_current_wal_insert_lsn()</c>.</summary>
    public async ValueTask RecordCommitsAsync(IEnumerable<(NpgsqlDataSource Source, NpgsqlConnection Connection)> connections, CancellationToken cancellationToken)
    {
        if (Tracker is not { } tracker)
        {
            return;
        }

        foreach (var (source, connection) in connections)
        {
            if (!tracker.Wants(source))
            {
                continue;
            }

            Interlocked.Increment(ref _commands);
            var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()", connection);
            await using (command.ConfigureAwait(false))
            {
                var lsn = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                tracker.Record(source, (ulong)lsn);
            }
        }
    }
}
