using System.Text;
using Ashlar.LocalCluster;
using Npgsql;

namespace Ashlar.Testing;

/// <summary>
/// The one PostgreSQL server a test run uses: a <see cref="TemporaryCluster"/> started on first use and
/// stopped when the process exits, or, when <c>ASHLAR_TEST_DB</c> holds a connection string, that
/// existing server. Tests get isolation by asking it for a fresh database each.
/// </summary>
/// <remarks>
/// When neither a server program nor <c>ASHLAR_TEST_DB</c> is there, every call throws
/// <see cref="PostgresBinariesNotFoundException"/>, whose message says how to install one: tests that
/// need a database fail, they are never skipped.
/// </remarks>
public static class PostgresServer
{
    /// <summary>The environment variable naming an existing server to use instead of a temporary cluster.</summary>
    public const string ExternalServerVariable = "ASHLAR_TEST_DB";

    private const int SuffixLength = 8;
    private const int MaxNameLength = 63;

    private static readonly Lazy<Task<(NpgsqlDataSource DataSource, string ConnectionString)>> Admin =
        new(ConnectAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept so the cluster lives as long as the process; it stops itself at process exit.
    private static TemporaryCluster? _cluster;

    /// <summary>Creates an empty database with a unique name built from <paramref name="nameHint"/>.</summary>
    /// <param name="nameHint">Anything readable, e.g. a test class name; it is turned into lower snake case.</param>
    /// <param name="ct">Cancels waiting for the server and creating the database.</param>
    /// <returns>A superuser connection string for the new database.</returns>
    public static async Task<string> CreateDatabaseAsync(string nameHint, CancellationToken ct = default)
    {
        var admin = await Admin.Value.WaitAsync(ct);
        var name = UniqueDatabaseName(nameHint);
        await DatabaseAdmin.CreateAsync(admin.DataSource, name, ct);
        return DatabaseAdmin.ConnectionStringFor(admin.ConnectionString, name);
    }

    /// <summary>Drops the database a connection string points at, ending any sessions still connected to it.</summary>
    /// <param name="connectionString">A connection string returned by <see cref="CreateDatabaseAsync"/>.</param>
    /// <param name="ct">Cancels the command.</param>
    /// <returns>A task that completes when the database is gone.</returns>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        var admin = await Admin.Value.WaitAsync(ct);
        await DatabaseAdmin.DropAsync(admin.DataSource, name, ct);
    }

    /// <summary>
    /// Turns a hint into a valid, unique database name: lower snake case, an 8-character random suffix,
    /// at most 63 bytes, e.g. <c>OrderTests</c> becomes <c>order_tests_1f3a9c2e</c>.
    /// </summary>
    /// <param name="nameHint">Anything readable.</param>
    /// <returns>The name.</returns>
    public static string UniqueDatabaseName(string nameHint)
    {
        var name = new StringBuilder();
        var hint = nameHint ?? "";
        for (var i = 0; i < hint.Length; i++)
        {
            var c = hint[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                name.Append('_');
                continue;
            }

            // A word starts at an upper-case letter after a lower-case one or a digit ("orderLine"),
            // or at the last capital of an acronym ("HTTPServer").
            var startsWord = char.IsAsciiLetterUpper(c) && i > 0
                && (char.IsAsciiLetterLower(hint[i - 1]) || char.IsAsciiDigit(hint[i - 1])
                    || (char.IsAsciiLetterUpper(hint[i - 1]) && i + 1 < hint.Length && char.IsAsciiLetterLower(hint[i + 1])));
            if (startsWord)
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        var words = name.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries);
        var stem = words.Length == 0 ? "db" : string.Join('_', words);
        if (char.IsAsciiDigit(stem[0]))
        {
            stem = "db_" + stem;
        }

        stem = stem[..Math.Min(stem.Length, MaxNameLength - SuffixLength - 1)].TrimEnd('_');
        return stem + "_" + Guid.NewGuid().ToString("N")[..SuffixLength];
    }

    private static async Task<(NpgsqlDataSource, string)> ConnectAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return (NpgsqlDataSource.Create(external), external);
        }

        _cluster = await TemporaryCluster.StartAsync();
        return (NpgsqlDataSource.Create(_cluster.ConnectionString), _cluster.ConnectionString);
    }
}
