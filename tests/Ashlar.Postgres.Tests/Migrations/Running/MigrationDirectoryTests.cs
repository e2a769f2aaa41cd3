using Ashlar.Postgres.Migrations;
using Ashlar.Postgres.Migrations.Running;
using Xunit;

namespace Ashlar.Postgres.Tests.Migrations.Running;

public sealed class MigrationDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ashlar-migrations-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string version, string name) =>
        File.WriteAllText(Path.Combine(_directory, $"{version}_{name}.sql"),
            MigrationFileFormat.Write(new MigrationFile { Version = version, Name = name, Up = ["SELECT 1"], Down = ["SELECT 2"] }));

    [Fact]
    public async Task Files_are_read_in_version_order()
    {
        Write("20260102000000", "second");
        Write("20260101000000", "first");
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not a migration");

        var migrations = await MigrationDirectory.LoadAsync(_directory, Ct);

        Assert.Equal(["first", "second"], migrations.Select(m => m.Name));
        Assert.Equal(["SELECT 1"], migrations[0].Up);
    }

    [Fact]
    public async Task A_missing_folder_has_no_migrations()
    {
        Assert.Empty(await MigrationDirectory.LoadAsync(Path.Combine(_directory, "nothing_here"), Ct));
    }

    [Fact]
    public async Task Two_files_with_one_version_are_refused()
    {
        Write("20260101000000", "mine");
        Write("20260101000000", "theirs");

        var error = await Assert.ThrowsAsync<FormatException>(() => MigrationDirectory.LoadAsync(_directory, Ct));

        Assert.Contains("20260101000000_mine.sql and 20260101000000_theirs.sql share the version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_badly_named_file_is_refused_by_name()
    {
        File.WriteAllText(Path.Combine(_directory, "add_users.sql"), "-- ashlar:up\n-- ashlar:down\n");

        var error = await Assert.ThrowsAsync<FormatException>(() => MigrationDirectory.LoadAsync(_directory, Ct));

        Assert.StartsWith("add_users.sql:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repo_folder_is_named_after_the_repo() =>
        Assert.Equal(Path.Combine("Migrations", "help_desk_repo"), MigrationDirectory.ForRepo("Migrations", "help_desk_repo"));
}
