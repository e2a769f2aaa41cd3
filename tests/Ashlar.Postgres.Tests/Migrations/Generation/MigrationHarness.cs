using System.Text.Json;
using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Schema;
using Ashlar.Postgres.Schema.Introspection;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>Applies generated migration files to a real database and compares its catalog with schema models.</summary>
internal static class MigrationHarness
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The migration files of a repo on disk, read back through the file format, in version order.</summary>
    public static List<MigrationFile> Files(string directory, string repo, IEnumerable<MigrationFile> generated) =>
        generated.Select(m => MigrationFileFormat.Read(m.FileName, File.ReadAllText(Path.Combine(directory, repo, m.FileName)))).ToList();

    public static async Task UpAsync(NpgsqlConnection connection, IEnumerable<MigrationFile> migrations)
    {
        foreach (var migration in migrations)
        {
            await RunAsync(connection, migration, migration.Up);
        }
    }

    public static async Task DownAsync(NpgsqlConnection connection, IEnumerable<MigrationFile> migrations)
    {
        foreach (var migration in migrations.Reverse())
        {
            Assert.Null(migration.IrreversibleReason);
            await RunAsync(connection, migration, migration.Down);
        }
    }

    public static Task<SchemaModel> CatalogAsync(NpgsqlConnection connection) =>
        CatalogReader.ReadAsync(connection, ct: TestContext.Current.CancellationToken);

    /// <summary>Asserts the live catalog holds exactly what the model declares (statements aside: the catalog cannot show them).</summary>
    public static void AssertCatalogMatches(SchemaModel model, SchemaModel catalog)
    {
        var declared = model with { Tables = model.Tables.Select(t => t with { Statements = [] }).ToList() };
        var differences = SchemaDiffer.Diff(catalog, declared, new DiffOptions { Comparer = ModelComparer.Normalizing }).Operations;
        Assert.True(differences.Count == 0,
            "The catalog differs from the model:\n" + string.Join("\n", differences.Select(d => d.Description + ": " + string.Join("; ", d.Up))));
    }

    /// <summary>A text form of a catalog for exact comparison; column order is ignored (a down re-adds columns at the end).</summary>
    public static string Text(SchemaModel catalog) => JsonSerializer.Serialize(
        catalog with { Tables = catalog.Tables.Select(t => t with { Columns = t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList() }).ToList() },
        Indented);

    private static async Task RunAsync(NpgsqlConnection connection, MigrationFile migration, IReadOnlyList<string> statements)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var transaction = migration.Transactional ? await connection.BeginTransactionAsync(ct) : null;
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"{migration.FileName} failed at:\n{sql}\n{e.Message}", e);
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }
}
