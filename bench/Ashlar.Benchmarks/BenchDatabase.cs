using Ashlar.Benchmarks.Model;
using Ashlar.Domains;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Benchmarks;

/// <summary>
/// One throwaway PostgreSQL cluster per benchmark process, seeded once with 10k authors, 100k posts and 300k
/// comments by binary COPY from a fixed seed, and the fixed parameter lists every contender uses.
/// </summary>
public sealed class BenchDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static BenchDatabase? _instance;

    private BenchDatabase(TemporaryCluster cluster, NpgsqlDataSource dataSource, Domain domain)
    {
        Cluster = cluster;
        DataSource = dataSource;
        Domain = domain;
        var random = new Random(7);
        PostIds = [.. Enumerable.Range(0, 1024).Select(_ => (long)random.Next(1, Posts + 1))];
        HundredIdLists = [.. Enumerable.Range(0, 64).Select(_ => DistinctIds(random, 100))];
        ThousandIdLists = [.. Enumerable.Range(0, 16).Select(_ => DistinctIds(random, 1000))];
    }

    public const int Authors = 10_000;
    public const int Posts = 100_000;
    public const int Comments = 300_000;

    public TemporaryCluster Cluster { get; }

    public NpgsqlDataSource DataSource { get; }

    public Domain Domain { get; }

    public long[] PostIds { get; }

    public long[][] HundredIdLists { get; }

    public long[][] ThousandIdLists { get; }

    public static async Task<BenchDatabase> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null)
            {
                var cluster = await TemporaryCluster.StartAsync(new TemporaryClusterOptions
                {
                    ServerSettings = new Dictionary<string, string>
                    {
                        ["shared_buffers"] = "256MB",
                        ["work_mem"] = "16MB",
                        ["maintenance_work_mem"] = "256MB",
                        ["synchronous_commit"] = "off",
                    },
                });
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
                var connectionString = await cluster.CreateDatabaseAsync("bench");
                var dataSource = NpgsqlDataSource.Create(connectionString + ";Minimum Pool Size=1;Maximum Pool Size=20");
                var model = DomainModel.Build("bench", d => d.Resource<Author>().Resource<Post>().Resource<Comment>());
                var domain = PostgresDomain.Create(model, pg => pg.Repo<BenchRepo>(dataSource));
                await domain.Postgres().CreateSchemaAsync();
                await SeedAsync(dataSource);
                _instance = new BenchDatabase(cluster, dataSource, domain);
            }

            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static long[] DistinctIds(Random random, int count)
    {
        var ids = new HashSet<long>();
        while (ids.Count < count)
        {
            ids.Add(random.Next(1, Posts + 1));
        }

        return [.. ids];
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        var random = new Random(20240601);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY authors (id, name, email) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= Authors; i++)
            {
                await writer.WriteRowAsync(default, (long)i, $"Author {i}", $"author{i}@example.test");
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY posts (id, title, body, score, published, author_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= Posts; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync((long)i, NpgsqlDbType.Bigint);
                await writer.WriteAsync($"Post number {i}", NpgsqlDbType.Text);
                await writer.WriteAsync(Text(random, 203), NpgsqlDbType.Text);
                await writer.WriteAsync(random.Next(0, 10_000), NpgsqlDbType.Integer);
                await writer.WriteAsync(random.NextDouble() < 0.7, NpgsqlDbType.Boolean);
                await writer.WriteAsync((long)random.Next(1, Authors + 1), NpgsqlDbType.Bigint);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY comments (id, body, post_id, author_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= Comments; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync((long)i, NpgsqlDbType.Bigint);
                await writer.WriteAsync(Text(random, 83), NpgsqlDbType.Text);
                await writer.WriteAsync((long)random.Next(1, Posts + 1), NpgsqlDbType.Bigint);
                await writer.WriteAsync((long)random.Next(1, Authors + 1), NpgsqlDbType.Bigint);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('authors', 'id'), 100000); SELECT setval(pg_get_serial_sequence('posts', 'id'), 1000000); " +
            "SELECT setval(pg_get_serial_sequence('comments', 'id'), 1000000)", connection);
        await analyze.ExecuteNonQueryAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await vacuum.ExecuteNonQueryAsync();
    }

    private static string Text(Random random, int length)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz      ";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[r.Next(letters.Length)];
            }
        });
    }
}
