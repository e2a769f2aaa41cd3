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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reading_only_whether_a_file_is_dev_agrees_with_reading_it_whole(bool dev)
    {
        var text = MigrationFileFormat.Write(new MigrationFile
        {
            Version = "20260101000000",
            Name = "tickets",
            Dev = dev,
            // The marker as a line of SQL below the header does not make a migration dev.
            Up = ["CREATE TABLE t (id int)", "SELECT 1\n-- ashlar:dev\n+ 1"],
            Down = ["DROP TABLE t"],
        });

        Assert.Contains("\n-- ashlar:dev\n+ 1;", text, StringComparison.Ordinal);
        Assert.Equal(dev, MigrationFileFormat.Read("20260101000000_tickets.sql", text).Dev);
        Assert.Equal(dev, MigrationFileFormat.IsDev("20260101000000_tickets.sql", text));
    }

    [Theory]
    [InlineData("add_users.sql", "-- ashlar:up\n-- ashlar:down\n")]
    [InlineData("20260101000000_users.sql", "-- ashlar:dev\n-- ashlar:down\n-- ashlar:up\n")]
    [InlineData("20260101000000_users.sql", "-- ashlar:dev\nSELECT 1;\n")]
    public void Reading_only_whether_a_file_is_dev_refuses_what_reading_it_whole_refuses(string fileName, string text)
    {
        var whole = Assert.Throws<FormatException>(() => MigrationFileFormat.Read(fileName, text));
        var header = Assert.Throws<FormatException>(() => MigrationFileFormat.IsDev(fileName, text));

        Assert.Equal(whole.Message, header.Message);
    }

    [Fact]
    public async Task A_folder_has_dev_migrations_only_when_a_file_says_so_in_its_header()
    {
        Assert.False(await MigrationDirectory.HasDevMigrationsAsync(Path.Combine(_directory, "missing"), Ct));
        Write("20260101000000", "first");
        Assert.False(await MigrationDirectory.HasDevMigrationsAsync(_directory, Ct));

        File.WriteAllText(Path.Combine(_directory, "20260102000000_wip.sql"),
            MigrationFileFormat.Write(new MigrationFile { Version = "20260102000000", Name = "wip", Dev = true, Up = ["SELECT 1"], Down = ["SELECT 2"] }));
        Assert.True(await MigrationDirectory.HasDevMigrationsAsync(_directory, Ct));

        File.WriteAllText(Path.Combine(_directory, "broken.sql"), "-- ashlar:up\n-- ashlar:down\n");
        var error = await Assert.ThrowsAsync<FormatException>(() => MigrationDirectory.HasDevMigrationsAsync(_directory, Ct));
        Assert.StartsWith("broken.sql:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repo_folder_is_named_after_the_repo() =>
        Assert.Equal(Path.Combine("Migrations", "help_desk_repo"), MigrationDirectory.ForRepo("Migrations", "help_desk_repo"));
}
