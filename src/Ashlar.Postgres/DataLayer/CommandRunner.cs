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

    public async ValueTask<List<TRow>> QueryAsync<TRow>(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, Func<NpgsqlDataReader, TRow> map, CancellationToken cancellationToken)
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

                // Statement texts are per query shape (values are parameters), so preparing them stays bounded and
                // saves the parse/plan on every later use of the pooled connection.
                await npgsqlCommand.PrepareAsync(cancellationToken).ConfigureAwait(false);
                var reader = await npgsqlCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var records = new List<TRow>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(map(reader));
                    }

                    return records;
                }
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

    public async ValueTask<int> ExecuteAsync(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
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
                return await npgsqlCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
