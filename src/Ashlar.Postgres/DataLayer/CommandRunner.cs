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
    public async ValueTask<List<T>> QueryAsync<T>(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var npgsqlCommand = Prepare(connection, command);
                await using var commandScope = npgsqlCommand.ConfigureAwait(false);
                var reader = await npgsqlCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var records = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        records.Add(RecordReader.Read<T>(reader, resource, command.Columns));
                    }

                    return records;
                }
            }
        }
        catch (PostgresException e)
        {
            PostgresLog.Refused(logger, resource.Name, e.SqlState, e.ConstraintName);
            throw translator.Translate(e, resource.Name, kind);
        }
    }

    public async ValueTask<int> ExecuteAsync(NpgsqlDataSource dataSource, SqlCommand command, ResourceDefinition resource, WriteKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var npgsqlCommand = Prepare(connection, command);
                await using var commandScope = npgsqlCommand.ConfigureAwait(false);
                return await npgsqlCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e)
        {
            PostgresLog.Refused(logger, resource.Name, e.SqlState, e.ConstraintName);
            throw translator.Translate(e, resource.Name, kind);
        }
    }

    private NpgsqlCommand Prepare(NpgsqlConnection connection, SqlCommand command)
    {
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
