using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.Migrations.Running;

/// <summary>
/// A <c>CREATE INDEX CONCURRENTLY</c> that failed (or whose runner died) leaves an <c>INVALID</c> index behind, and
/// running it again fails with "already exists". Before such a statement runs, an invalid index of the same name is
/// dropped (concurrently), so re-running the migration after fixing the cause just works.
/// </summary>
internal static partial class InvalidIndexRepair
{
    public static bool IsConcurrentIndexBuild(string statement) => CreateIndexConcurrently().IsMatch(statement);

    public static async Task BeforeAsync(NpgsqlConnection connection, string statement, ILogger logger, CancellationToken cancellationToken)
    {
        var match = CreateIndexConcurrently().Match(statement);
        if (!match.Success)
        {
            return;
        }

        // The index lives in its table's schema; without one, the search path decides, as it will for the statement.
        var index = match.Groups["schema"].Success ? match.Groups["schema"].Value + "." + match.Groups["name"].Value : match.Groups["name"].Value;
        var check = new NpgsqlCommand("SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)", connection) { Parameters = { new() { Value = index } } };
        await using (check.ConfigureAwait(false))
        {
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return;
            }
        }

        MigrationLog.DroppingInvalidIndex(logger, index);
        var drop = new NpgsqlCommand($"DROP INDEX CONCURRENTLY {index}", connection);
        await using (drop.ConfigureAwait(false))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("""
        ^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)
        \s+ON\s+(?:ONLY\s+)?(?:(?<schema>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.)?
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CreateIndexConcurrently();
}
