using System.Diagnostics;
using Ashlar.DataLayer;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Multitenancy;
using Ashlar.Postgres.Rows;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Runs compiled commands on a repo's data source and translates database errors.</summary>
internal sealed partial class CommandRunner(PostgresErrorTranslator translator, ILogger logger, bool logParameters = false)
{
    private long _commands;

    /// <summary>Receives a statement's rows one at a time, straight off the reader, and gives its result.</summary>
    /// <typeparam name="TResult">What the statement returns to its caller.</typeparam>
    public interface IRowSink<out TResult>
    {
        /// <summary>False for a statement whose rows are not read: it runs unprepared and reports the rows it affected.</summary>
        bool ReadsRows { get; }

        /// <summary>Takes the reader's current row.</summary>
        void Add(NpgsqlDataReader reader);

        /// <summary>The result once every row was taken; <paramref name="affected"/> counts the rows read or affected.</summary>
        TResult Complete(int affected);
    }

    /// <summary>How many statements this runner has sent (round trips), for tests that check batching.</summary>
    public long CommandCount => Interlocked.Read(ref _commands);

    public ValueTask<List<T>> QueryAsync<T>(NpgsqlDataSource dataSource, CompiledStatement command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
        where T : class =>
        RunAsync<RecordSink<T>, List<T>>(dataSource, command, resource, kind, new RecordSink<T>(RecordReader.For(resource, command)), cancellationToken);

    /// <summary>Reads records with their sort values (the command must carry <see cref="CompiledStatement.SortValues"/>).</summary>
    public ValueTask<ReadResult<T>> QueryWithSortValuesAsync<T>(NpgsqlDataSource dataSource, CompiledStatement command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
        where T : class =>
        RunAsync<SortedRecordSink<T>, ReadResult<T>>(dataSource, command, resource, kind, new SortedRecordSink<T>(RecordReader.For(resource, command)), cancellationToken);

    public ValueTask<List<TRow>> QueryAsync<TRow>(NpgsqlDataSource dataSource, CompiledStatement command, ResourceDefinition resource, WriteKind kind, Func<NpgsqlDataReader, TRow> map, CancellationToken cancellationToken) =>
        RunAsync<MapSink<TRow>, List<TRow>>(dataSource, command, resource, kind, new MapSink<TRow>(map), cancellationToken);

    public ValueTask<TResult> QueryAsync<TSink, TResult>(NpgsqlDataSource dataSource, CompiledStatement command, ResourceDefinition resource, WriteKind kind, TSink sink, CancellationToken cancellationToken)
        where TSink : IRowSink<TResult> =>
        RunAsync<TSink, TResult>(dataSource, command, resource, kind, sink, cancellationToken);

    public ValueTask<int> ExecuteAsync(NpgsqlDataSource dataSource, CompiledStatement command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken) =>
        RunAsync<NonQuery, int>(dataSource, command, resource, kind, default, cancellationToken);

    /// <summary>
    /// Runs one command on the ambient transaction's connection or a pooled one, and turns database and connection
    /// failures into Ashlar errors. One async method for the whole round trip, so a read costs one state machine.
    /// </summary>
    private async ValueTask<TResult> RunAsync<TSink, TResult>(
        NpgsqlDataSource dataSource,
        CompiledStatement command,
        ResourceDefinition resource,
        WriteKind kind,
        TSink sink,
        CancellationToken cancellationToken)
        where TSink : IRowSink<TResult>
    {
        var connected = false;
        var sent = 0L;

        // Built once per execution: the cached text with the tenant's schema written in (the same text otherwise).
        var text = command.Sql;
        try
        {
            var ambient = AmbientTransaction.Current;
            NpgsqlConnection connection;
            if (ambient is null)
            {
                var waiting = Stopwatch.GetTimestamp();
                connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                if (PostgresMetrics.ConnectionWaits.Enabled)
                {
                    PostgresMetrics.ConnectionWaits.Record(Stopwatch.GetElapsedTime(waiting).TotalSeconds);
                }
            }
            else
            {
                connection = await ambient.ConnectionAsync(dataSource, cancellationToken).ConfigureAwait(false);
            }

            connected = true;
            try
            {
                sent = Stopwatch.GetTimestamp();
                TResult result;
                var prelude = TenantPrelude.Text(command);
                if (ambient is null && kind != WriteKind.Read && Tracker is { } tracker && tracker.Wants(dataSource))
                {
                    if (prelude is null)
                    {
                        result = await RunRecordingCommitAsync<TSink, TResult>(connection, dataSource, command, text, sink, tracker, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // The tenant's settings must share the write's transaction, so the commit LSN is read afterwards.
                        result = await RunForTenantAsync<TSink, TResult>(connection, prelude, command, text, sink, cancellationToken).ConfigureAwait(false);
                        await RecordCommitsAsync([(dataSource, connection)], cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (prelude is not null)
                {
                    result = await RunForTenantAsync<TSink, TResult>(connection, prelude, command, text, sink, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var npgsqlCommand = Prepare(connection, command, text);
                    await using (npgsqlCommand.ConfigureAwait(false))
                    {
                        if (!sink.ReadsRows)
                        {
                            result = sink.Complete(await npgsqlCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
                        }
                        else
                        {
                            // Statement texts are per query shape (values are parameters), so preparing them stays bounded and
                            // saves the parse/plan on every later use of the pooled connection. Not a tenant's text, which names
                            // its schema: one prepared statement per tenant would not be bounded (Npgsql's auto-prepare, when
                            // on, still prepares the busiest ones, at most Max Auto Prepare per connection).
                            if ((command.Tenancy & TenantUse.Schema) == 0)
                            {
                                await npgsqlCommand.PrepareAsync(cancellationToken).ConfigureAwait(false);
                            }

                            var reader = await npgsqlCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                            await using (reader.ConfigureAwait(false))
                            {
                                result = await ReadAllAsync<TSink, TResult>(reader, sink, cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                }

                Executed(command, resource, kind, sent, null);
                ServedBy?.Invoke(connection);
                return result;
            }
            finally
            {
                if (ambient is null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (PostgresException e)
        {
            Executed(command, resource, kind, sent, e);
            PostgresLog.Refused(logger, resource.Name, e.SqlState, e.ConstraintName);
            throw translator.Translate(e, resource.Name, kind, (command.Tenancy & TenantUse.Schema) != 0 ? command.Tenant : null);
        }
        catch (NpgsqlException e) when (e.InnerException is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Executed(command, resource, kind, sent, e);
            throw PostgresErrorTranslator.Translate(e, resource.Name, connected);
        }
    }

    /// <summary>
    /// After a statement ran (or failed, with <paramref name="error"/>): its duration into <see cref="PostgresMetrics.Commands"/>
    /// and a debug log line with its parameters. <paramref name="sent"/> is 0 when it never reached the server.
    /// </summary>
    private void Executed(CompiledStatement command, ResourceDefinition resource, WriteKind kind, long sent, Exception? error)
    {
        if (sent == 0)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(sent);
        var operation = Operation(kind);
        if (PostgresMetrics.Commands.Enabled)
        {
            var tags = new TagList
            {
                { "ashlar.resource", resource.Name },
                { "ashlar.operation", operation },
            };
            if (error is not null)
            {
                tags.Add("error.type", error is PostgresException p ? p.SqlState : error.GetType().Name);
            }

            PostgresMetrics.Commands.Record(elapsed.TotalSeconds, tags);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var milliseconds = Math.Round(elapsed.TotalMilliseconds, 1);
            var parameters = ParameterText.Of(command, logParameters);
            if (error is null)
            {
                PostgresLog.Executed(logger, resource.Name, operation, milliseconds, parameters, command.Sql);
            }
            else
            {
                PostgresLog.Failed(logger, resource.Name, operation, milliseconds, parameters, command.Sql, error);
            }
        }
    }

    private static string Operation(WriteKind kind) => kind switch
    {
        WriteKind.Read => "read",
        WriteKind.Create => "create",
        WriteKind.Update => "update",
        _ => "destroy",
    };

    /// <summary>
    /// Runs the tenant's prelude and the statement in one round trip and one transaction (a batch is one implicit
    /// transaction; inside an explicit one, the prelude's setting ends with it): the setting never outlives the
    /// statement's transaction, so the pooled connection carries nothing to the next statement or tenant.
    /// </summary>
    private async ValueTask<TResult> RunForTenantAsync<TSink, TResult>(
        NpgsqlConnection connection, string prelude, CompiledStatement command, string text, TSink sink, CancellationToken cancellationToken)
        where TSink : IRowSink<TResult>
    {
        var batch = new NpgsqlBatch(connection);
        await using var batchScope = batch.ConfigureAwait(false);
        var first = new NpgsqlBatchCommand(prelude);
        first.Parameters.Add(new NpgsqlParameter { Value = command.Tenant!, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        batch.BatchCommands.Add(first);
        batch.BatchCommands.Add(BatchCommand(command, text));

        // Not prepared explicitly: a statement that also names a tenant's schema has a text per tenant (see Prepare's
        // caller); Npgsql's auto-prepare, when on, prepares the busiest texts within its bound.

        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (!sink.ReadsRows)
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                }

                await reader.CloseAsync().ConfigureAwait(false);
                return sink.Complete(batch.BatchCommands[1].RecordsAffected);
            }

            return await ReadAllAsync<TSink, TResult>(reader, sink, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask<TResult> ReadAllAsync<TSink, TResult>(NpgsqlDataReader reader, TSink sink, CancellationToken cancellationToken)
        where TSink : IRowSink<TResult>
    {
        var read = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sink.Add(reader);
            read++;
        }

        return sink.Complete(read);
    }

    private NpgsqlBatchCommand BatchCommand(CompiledStatement command, string text)
    {
        Interlocked.Increment(ref _commands);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            PostgresLog.Executing(logger, text);
        }

        var batchCommand = new NpgsqlBatchCommand(text);
        AddParameters(batchCommand.Parameters, command);
        return batchCommand;
    }

    private static void AddParameters(NpgsqlParameterCollection target, CompiledStatement command)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            target.Add(parameter.Type == NpgsqlTypes.NpgsqlDbType.Unknown
                ? new NpgsqlParameter { Value = parameter.Value }
                : new NpgsqlParameter { Value = parameter.Value, NpgsqlDbType = parameter.Type });
        }
    }

    private NpgsqlCommand Prepare(NpgsqlConnection connection, CompiledStatement command, string text)
    {
        Interlocked.Increment(ref _commands);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            PostgresLog.Executing(logger, text);
        }

        var npgsqlCommand = new NpgsqlCommand(text, connection);
        AddParameters(npgsqlCommand.Parameters, command);
        return npgsqlCommand;
    }

    /// <summary>Rows as records of the command's resource.</summary>
    private readonly struct RecordSink<T>(RecordReader records) : IRowSink<List<T>>
        where T : class
    {
        private readonly List<T> _rows = [];

        public bool ReadsRows => true;

        public void Add(NpgsqlDataReader reader) => _rows.Add(records.Read<T>(reader));

        public List<T> Complete(int affected) => _rows;
    }

    /// <summary>Rows as records of the command's resource, each with its sort values.</summary>
    private readonly struct SortedRecordSink<T>(RecordReader records) : IRowSink<ReadResult<T>>
        where T : class
    {
        private readonly List<T> _rows = [];
        private readonly List<IReadOnlyList<object?>> _sortValues = [];

        public bool ReadsRows => true;

        public void Add(NpgsqlDataReader reader)
        {
            _rows.Add(records.Read<T>(reader));
            _sortValues.Add(records.ReadSortValues(reader));
        }

        public ReadResult<T> Complete(int affected) => new(_rows, _sortValues);
    }

    /// <summary>Rows mapped by a caller's function.</summary>
    private readonly struct MapSink<TRow>(Func<NpgsqlDataReader, TRow> map) : IRowSink<List<TRow>>
    {
        private readonly List<TRow> _rows = [];

        public bool ReadsRows => true;

        public void Add(NpgsqlDataReader reader) => _rows.Add(map(reader));

        public List<TRow> Complete(int affected) => _rows;
    }

    /// <summary>A statement whose rows are not read: its result is the number of rows it affected.</summary>
    private readonly struct NonQuery : IRowSink<int>
    {
        public bool ReadsRows => false;

        public void Add(NpgsqlDataReader reader)
        {
        }

        public int Complete(int affected) => affected;
    }
}
