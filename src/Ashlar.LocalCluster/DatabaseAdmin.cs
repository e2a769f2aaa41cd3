using System.Text.RegularExpressions;
using Npgsql;

namespace Ashlar.LocalCluster;

/// <summary>Creates and drops whole databases on a server, given a connection to one of its databases.</summary>
internal static partial class DatabaseAdmin
{
    /// <summary>Whether <paramref name="name"/> is a plain lower-case PostgreSQL identifier of at most 63 bytes.</summary>
    public static bool IsValidName(string name) => name is not null && ValidName().IsMatch(name);

    /// <summary>Runs <c>CREATE DATABASE</c> on the server <paramref name="admin"/> connects to.</summary>
    public static async Task CreateAsync(NpgsqlDataSource admin, string name, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(name);
        var command = admin.CreateCommand($"CREATE DATABASE \"{name}\"");
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The admin connection string pointed at another database. (Built from the string given, not from
    /// <see cref="NpgsqlDataSource.ConnectionString"/>, which leaves out the password.)
    /// </summary>
    public static string ConnectionStringFor(string adminConnectionString, string name) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;

    /// <summary>Runs <c>DROP DATABASE IF EXISTS … WITH (FORCE)</c>, ending any sessions still connected to it.</summary>
    public static async Task DropAsync(NpgsqlDataSource admin, string name, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(name);
        var command = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void ThrowIfInvalid(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid database name here: use 1 to 63 characters from a-z, 0-9 and _, not starting with a digit.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
