using System.Net.Sockets;
using Ashlar.LocalCluster;
using Npgsql;
using Xunit;

namespace Ashlar.Postgres.Tests.LocalCluster;

public sealed class TemporaryClusterTests(TemporaryClusterTests.SharedCluster shared)
    : IClassFixture<TemporaryClusterTests.SharedCluster>
{
    private readonly TemporaryCluster _cluster = shared.Cluster;

    [Fact]
    public async Task Cluster_starts_and_answers_a_query()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT version()", connection);

        var version = (string?)await command.ExecuteScalarAsync(ct);

        Assert.StartsWith("PostgreSQL ", version);
        Assert.Contains($"PostgreSQL {_cluster.Version.Major}", version);
        Assert.True(_cluster.Version.Major >= 13);
        Assert.Equal(_cluster.Port, new NpgsqlConnectionStringBuilder(_cluster.ConnectionString).Port);
    }

    [Fact]
    public async Task Server_settings_are_applied_and_durability_is_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync(ct);

        Assert.Equal("off", await ShowAsync(connection, "fsync", ct));
        Assert.Equal("200", await ShowAsync(connection, "max_connections", ct));
        Assert.Equal("UTF8", await ShowAsync(connection, "server_encoding", ct));
    }

    [Fact]
    public async Task CreateDatabaseAsync_gives_isolated_databases()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _cluster.CreateDatabaseAsync("isolation_first", ct);
        var second = await _cluster.CreateDatabaseAsync("isolation_second", ct);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE TABLE only_here (id int); INSERT INTO only_here VALUES (1)", connection);
            await create.ExecuteNonQueryAsync(ct);
            Assert.Equal("isolation_first", await ScalarAsync(connection, "SELECT current_database()", ct));
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync(ct);
            Assert.Equal("isolation_second", await ScalarAsync(connection, "SELECT current_database()", ct));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'", ct));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("1starts_with_digit")]
    [InlineData("has-dash")]
    [InlineData("quote\"d")]
    [InlineData("x; DROP DATABASE postgres")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Invalid_database_names_are_rejected(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _cluster.CreateDatabaseAsync(name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disposing_removes_the_directory_and_stops_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = await TemporaryCluster.StartAsync(ct: ct);
        var directory = cluster.RootDirectory;
        Assert.True(Directory.Exists(Path.Combine(directory, "data")));

        await cluster.DisposeAsync();
        await cluster.DisposeAsync(); // a second dispose does nothing

        Assert.False(Directory.Exists(directory));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", cluster.Port, ct).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cluster.CreateDatabaseAsync("too_late", ct));
    }

    [Fact]
    public async Task A_directory_without_the_programs_is_reported_with_the_fix()
    {
        var options = new TemporaryClusterOptions { BinDirectory = Path.GetTempPath() };

        var error = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(
            () => TemporaryCluster.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains("initdb", error.Message);
        Assert.Contains("apt-get install -y postgresql", error.Message);
        Assert.Contains("ASHLAR_PG_BIN", error.Message);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<string?> ShowAsync(NpgsqlConnection connection, string setting, CancellationToken ct) =>
        (string?)await ScalarAsync(connection, "SHOW " + setting, ct);

    /// <summary>One cluster for the tests of this class that do not stop it.</summary>
    public sealed class SharedCluster : IAsyncLifetime
    {
        public TemporaryCluster Cluster { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Cluster = await TemporaryCluster.StartAsync(ct: TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
    }
}
