using System.Diagnostics;
using System.Globalization;
using Ashlar.Domains;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Queries;
using Npgsql;

namespace Ashlar.Benchmarks.Tenancy;

/// <summary>
/// <c>--tenants [N]</c>: the same query shape read for N (10,000) different schema-per-tenant tenants against the
/// same read repeated for one tenant, in alternating blocks; reports the SQL cache's shapes, the server-side
/// prepared statements on the (single) pooled connection, and the time per read. Run once without and once with
/// Npgsql auto-prepare.
/// </summary>
internal static class TenantRun
{
    private const int Block = 500;

    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--tenants");
        var tenants = at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        await using var cluster = await TemporaryCluster.StartAsync(new TemporaryClusterOptions
        {
            ServerSettings = new Dictionary<string, string> { ["shared_buffers"] = "256MB", ["synchronous_commit"] = "off", ["fsync"] = "off" },
        });
        var connectionString = await cluster.CreateDatabaseAsync("tenants");
        var clock = Stopwatch.StartNew();
        await CreateTenantsAsync(connectionString, tenants);
        Console.WriteLine($"{tenants:N0} tenant schemas created in {clock.Elapsed.TotalSeconds:F0} s");

        foreach (var (label, options) in new[] { ("no auto-prepare (default)", ""), ("Max Auto Prepare=20", ";Max Auto Prepare=20;Auto Prepare Min Usages=2") })
        {
            await MeasureAsync(label, connectionString + ";Maximum Pool Size=1" + options, tenants);
        }
    }

    private static async Task MeasureAsync(string label, string connectionString, int tenants)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var model = DomainModel.Build("tenants", d => d.Resource<TenantItem>().Resource<SharedItem>());
        await using var domain = PostgresDomain.Create(model, pg => pg.Repo<Model.BenchRepo>(dataSource));
        var names = Enumerable.Range(0, tenants).Select(Name).ToArray();
        var query = Query.For<TenantItem>().Filter(i => i.Score > 3).Sort(i => i.Id);
        var shared = Query.For<SharedItem>().Filter(i => i.Score > 3).Sort(i => i.Id);
        for (var i = 0; i < 200; i++)
        {
            await domain.ReadAsync(query, names[0]);
            await domain.ReadAsync(shared);
        }

        double many = 0, one = 0, plain = 0;
        var rows = 0;
        for (var start = 0; start < tenants; start += Block)
        {
            var clock = Stopwatch.StartNew();
            for (var i = start; i < Math.Min(start + Block, tenants); i++)
            {
                rows += (await domain.ReadAsync(query, names[i])).Count;
            }

            many += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            for (var i = start; i < Math.Min(start + Block, tenants); i++)
            {
                rows += (await domain.ReadAsync(query, names[0])).Count;
            }

            one += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            for (var i = start; i < Math.Min(start + Block, tenants); i++)
            {
                rows += (await domain.ReadAsync(shared)).Count;
            }

            plain += clock.Elapsed.TotalMilliseconds;
        }

        long prepared;
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements", connection))
        {
            prepared = (long)(await command.ExecuteScalarAsync())!;
        }

        var cache = domain.Postgres().SqlCache;
        Console.WriteLine($"[{label}] {tenants:N0} tenants, {rows:N0} rows read");
        Console.WriteLine($"  SQL cache: {cache.Count} shapes ({cache.Hits:N0} hits, {cache.Misses} misses)");
        Console.WriteLine($"  server-side prepared statements on the pooled connection: {prepared}");
        Console.WriteLine($"  per read: {tenants:N0} different tenants {many * 1000 / tenants:F1} µs, one tenant {one * 1000 / tenants:F1} µs, " +
                          $"non-tenant {plain * 1000 / tenants:F1} µs; ratio many/one {many / one:F2}, many/non-tenant {many / plain:F2}");
    }

    private static async Task CreateTenantsAsync(string connectionString, int tenants)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var command = dataSource.CreateCommand(
            "CREATE SCHEMA tmpl; CREATE TABLE tmpl.items (id bigint PRIMARY KEY, title text NOT NULL, score integer NOT NULL); " +
            "INSERT INTO tmpl.items SELECT i, 'item ' || i, i FROM generate_series(1, 10) i"))
        {
            await command.ExecuteNonQueryAsync();
        }

        for (var start = 1; start <= tenants; start += Block)
        {
            var sql = new System.Text.StringBuilder();
            for (var i = start; i < start + Block && i <= tenants; i++)
            {
                var schema = "\"" + Name(i - 1) + "\"";
                sql.Append("CREATE SCHEMA ").Append(schema).Append("; CREATE TABLE ").Append(schema)
                    .Append(".items (LIKE tmpl.items INCLUDING ALL); INSERT INTO ").Append(schema).Append(".items SELECT * FROM tmpl.items;\n");
            }

            await using var command = dataSource.CreateCommand(sql.ToString());
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Name(int index) => "t" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);
}
