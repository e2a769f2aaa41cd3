using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Sql;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>Runs compiled commands on a repo's data source and translates database errors.</summary>
internal sealed class CommandRunner(PostgresErrorTranslator translator, ILogger logger)
{
    private long _commands;

    /// <summary>How many statements this runner has sent (round trips), for tests that check batching.</summary>
    public long CommandCount => Interlocked.Read(ref _commands);

    public ValueTask<List<T>> QueryAsync<T>(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
        where T : class =>
        QueryAsync(dataSource, command, resource, kind, RecordReader.For<T>(resource, command), cancellationToken);

    public ValueTask<List<TRow>> QueryAsync<TRow>(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, Func<NpgsqlDataReader, TRow> map, CancellationToken cancellationToken) =>
        RunAsync(dataSource, command, resource, kind, async (npgsqlCommand, ct) =>
        {
            // Statement texts are per query shape (values are parameters), so preparing them stays bounded and
            // saves the parse/plan on every later use of the pooled connection.
            await npgsqlCommand.PrepareAsync(ct).ConfigureAwait(false);
            var reader = await npgsqlCommand.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var records = new List<TRow>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    records.Add(map(reader));
                }

                return records;
            }
        }, cancellationToken);

    public ValueTask<int> ExecuteAsync(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken) =>
        RunAsync(dataSource, command, resource, kind, (npgsqlCommand, ct) => npgsqlCommand.ExecuteNonQueryAsync(ct), cancellationToken);

    /// <summary>
    /// Runs one command on the ambient transaction's connection or a pooled one, and turns database and connection
    /// failures into Ashlar errors.
    /// </summary>
    private async ValueTask<TResult> RunAsync<TResult>(
        NpgsqlDataSource dataSource,
        SqlCommand command,
        ResourceDefinition resource,
        WriteKind kind,
        Func<NpgsqlCommand, CancellationToken, Task<TResult>> execute,
        CancellationToken cancellationToken)
    {
        try
        {
            var ambient = AmbientTransaction.Current;
            var connection = ambient is null
                ? await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false)
                : await ambient.ConnectionAsync(dataSource, cancellationToken).ConfigureAwait(false);
            try
            {
                var npgsqlCommand = Prepare(connection, command);
                await using var commandScope = npgsqlCommand.ConfigureAwait(false);
                return await execute(npgsqlCommand, cancellationToken).ConfigureAwait(false);
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
            PostgresLog.Refused(logger, resource.Name, e.SqlState, e.ConstraintName);
            throw translator.Translate(e, resource.Name, kind);
        }
        catch (NpgsqlException e) when (e.InnerException is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrorTranslator.Unreachable(e, resource.Name);
        }
    }

    private NpgsqlCommand Prepare(NpgsqlConnection connection, SqlCommand command)
    {
        Interlocked.Increment(ref _commands);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            PostgresLog.Executing(logger, command.Text);
        }

        var npgsqlCommand = new NpgsqlCommand(command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            npgsqlCommand.Parameters.Add(parameter.Type == NpgsqlTypes.NpgsqlDbType.Unknown
                ? new NpgsqlParameter { Value = parameter.Value }
                : new NpgsqlParameter { Value = parameter.Value, NpgsqlDbType = parameter.Type });
        }

        return npgsqlCommand;
    }
}
