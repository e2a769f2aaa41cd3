using Npgsql;

namespace Ashlar.Cli;

/// <summary><c>database create</c> and <c>database drop</c>: the database the connection string names, through the server's <c>postgres</c> database.</summary>
internal sealed partial class CliHandler
{
    public Task<int> DatabaseAsync(DatabaseRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                var source = options.ConnectionStringSource is null ? "" : $" (set {options.ConnectionStringSource})";
                await options.Error.WriteLineAsync($"error: No database connection string{source}: it names the database to {(request.Create ? "create" : "drop")}.")
                    .ConfigureAwait(false);
                return 1;
            }

            var target = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            var name = target.Database;
            if (string.IsNullOrEmpty(name) || name == "postgres")
            {
                throw new CliUsageException($"The connection string names {(string.IsNullOrEmpty(name) ? "no database" : "the postgres database")}; name the application's own (Database=…).");
            }

            var maintenance = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = "postgres", Pooling = false };
            var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var exists = await ExistsAsync(connection, name, cancellationToken).ConfigureAwait(false);
                var where = $"{name} on {target.Host}:{target.Port}";
                if (request.Create)
                {
                    if (exists)
                    {
                        await Out.WriteLineAsync($"Database {where} already exists; nothing to do.").ConfigureAwait(false);
                        return 0;
                    }

                    await ExecuteAsync(connection, $"CREATE DATABASE {Quote(name)}", cancellationToken).ConfigureAwait(false);
                    await Out.WriteLineAsync($"Created database {where}. Run migrate to create its tables.").ConfigureAwait(false);
                    return 0;
                }

                if (!exists)
                {
                    await Out.WriteLineAsync($"Database {where} does not exist; nothing to do.").ConfigureAwait(false);
                    return 0;
                }

                if (!request.Yes && !Confirm($"Drop the database {where} with every table and row in it? [y/N] "))
                {
                    await options.Error.WriteLineAsync(options.Input is null
                        ? "error: database drop needs --yes without a terminal; nothing was dropped."
                        : "Not dropped.").ConfigureAwait(false);
                    return 1;
                }

                await ExecuteAsync(connection, $"DROP DATABASE {Quote(name)}{(request.Force ? " WITH (FORCE)" : "")}", cancellationToken).ConfigureAwait(false);
                await Out.WriteLineAsync($"Dropped database {where}.").ConfigureAwait(false);
                return 0;
            }
        });

    private bool Confirm(string question)
    {
        if (options.Input is null)
        {
            return false;
        }

        Out.Write(question);
        Out.Flush();
        var reply = options.Input.ReadLine()?.Trim();
        return reply is not null && (reply.Equals("y", StringComparison.OrdinalIgnoreCase) || reply.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
