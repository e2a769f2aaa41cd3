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
/// Npgsql auto-prepare. Hand-written Npgsql contenders read the same rows from the same schemas — with
/// schema-qualified SQL, and with the search path set in the same batch — each on its own one-connection pool, so
/// every contender's backend meets each tenant's tables for the first time: the server's own cost of a new schema
/// shows in their many/one, Ashlar's overhead in Ashlar's time against theirs.
/// </summary>
internal static class TenantRun
{
    private const int Block = 500;

    private const string Columns = "SELECT \"t0\".\"id\", \"t0\".\"title\", \"t0\".\"score\" FROM ";
    private const string Rest = " AS \"t0\" WHERE \"t0\".\"score\" > $1 ORDER BY \"t0\".\"id\"";

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
        Console.WriteLine($"{tenants:N0} tenant schemas created in {clock.Elapsed.TotalSeconds:F0} s; load average {LoadAverage()}");

        foreach (var (label, options) in new[] { ("no auto-prepare (default)", ""), ("Max Auto Prepare=20", ";Max Auto Prepare=20;Auto Prepare Min Usages=2") })
        {
            await MeasureAsync(label, connectionString + ";Maximum Pool Size=1" + options, tenants);
        }

        Console.WriteLine($"load average at the end {LoadAverage()}");
    }

    /// <summary>One contender: a read for tenant <c>i</c>, returning the rows it read.</summary>
    private delegate Task<int> Read(int tenant);

    private static async Task MeasureAsync(string label, string connectionString, int tenants)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var qualifiedSource = NpgsqlDataSource.Create(connectionString);
        await using var pathSource = NpgsqlDataSource.Create(connectionString);
        await using var preludeSource = NpgsqlDataSource.Create(connectionString);
        var model = DomainModel.Build("tenants", d => d.Resource<TenantItem>().Resource<SharedItem>());
        await using var domain = PostgresDomain.Create(model, pg => pg.Repo<Model.BenchRepo>(dataSource));
        var names = Enumerable.Range(0, tenants).Select(Name).ToArray();
        var query = Query.For<TenantItem>().Filter(i => i.Score > 3).Sort(i => i.Id);
        var shared = Query.For<SharedItem>().Filter(i => i.Score > 3).Sort(i => i.Id);
        Console.WriteLine($"[{label}] Ashlar's tenant SQL: {domain.ToSql(query, names[0])}");

        // The hand-written contenders: the same columns, filter and order as Ashlar's statement.
        var qualifiedTexts = names.Select(t => Columns + "\"" + t + "\".\"items\"" + Rest).ToArray();
        const string unqualified = Columns + "\"items\"" + Rest;
        Read ashlarRead = async i => (await domain.ReadAsync(query, names[i])).Count;
        Read sharedRead = async _ => (await domain.ReadAsync(shared)).Count;
        Read qualifiedRead = async i =>
        {
            await using var connection = await qualifiedSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(qualifiedTexts[i], connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 3 });
            return await CountAsync(await command.ExecuteReaderAsync());
        };
        Read pathRead = async i =>
        {
            await using var connection = await pathSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            var set = new NpgsqlBatchCommand("SELECT set_config('search_path', $1, true)");
            set.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "\"" + names[i] + "\", public" });
            var select = new NpgsqlBatchCommand(unqualified);
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 3 });
            batch.BatchCommands.Add(set);
            batch.BatchCommands.Add(select);
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            return await CountAsync(reader);
        };

        Read preludeRead = async i =>
        {
            await using var connection = await preludeSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            var set = new NpgsqlBatchCommand("SELECT set_config('search_path', quote_ident($1) || ', public', true), set_config('ashlar.tenant', $1, true), quote_ident($1)::regnamespace");
            set.Parameters.Add(new NpgsqlParameter { Value = names[i], NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            var select = new NpgsqlBatchCommand(unqualified);
            select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 3 });
            batch.BatchCommands.Add(set);
            batch.BatchCommands.Add(select);
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            return await CountAsync(reader);
        };

        var contenders = new (string Name, Read Read, bool Tenants)[]
        {
            ("Ashlar", ashlarRead, true),
            ("raw, Ashlar's prelude", preludeRead, true),
            ("raw, schema-qualified SQL", qualifiedRead, true),
            ("raw, search_path in the batch", pathRead, true),
            ("Ashlar, non-tenant resource", sharedRead, false),
        };
        for (var i = 0; i < 200; i++)
        {
            foreach (var contender in contenders)
            {
                await contender.Read(0);
            }
        }

        var many = new double[contenders.Length];
        var one = new double[contenders.Length];
        var rows = 0;
        for (var start = 0; start < tenants; start += Block)
        {
            var end = Math.Min(start + Block, tenants);

            // Rotate the order each block, so no contender always runs first (or right after another) on a loaded machine.
            for (var k = 0; k < contenders.Length; k++)
            {
                var c = (k + (start / Block)) % contenders.Length;
                var (_, read, perTenant) = contenders[c];
                var clock = Stopwatch.StartNew();
                if (perTenant)
                {
                    for (var i = start; i < end; i++)
                    {
                        rows += await read(i);
                    }

                    many[c] += clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                }

                for (var i = start; i < end; i++)
                {
                    rows += await read(0);
                }

                one[c] += clock.Elapsed.TotalMilliseconds;
            }
        }

        // 7 rows (score 4 to 10) per read; 7 reads per tenant index (four contenders twice, the non-tenant once).
        if (rows != tenants * 9 * 7)
        {
            throw new InvalidOperationException($"expected {tenants * 9 * 7:N0} rows, read {rows:N0}");
        }

        var sources = new[] { dataSource, preludeSource, qualifiedSource, pathSource };
        var prepared = new long[sources.Length];
        for (var s = 0; s < sources.Length; s++)
        {
            await using var connection = await sources[s].OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements", connection);
            prepared[s] = (long)(await command.ExecuteScalarAsync())!;
        }

        var cache = domain.Postgres().SqlCache;
        Console.WriteLine($"[{label}] {tenants:N0} tenants, {rows:N0} rows read; load average {LoadAverage()}");
        Console.WriteLine($"  Ashlar's SQL cache: {cache.Count} shapes ({cache.Hits:N0} hits, {cache.Misses} misses)");
        Console.WriteLine($"  server-side prepared statements per connection: Ashlar {prepared[0]}, raw with Ashlar's prelude {prepared[1]}, raw qualified {prepared[2]}, raw search_path {prepared[3]}");
        Console.WriteLine($"  {"contender",-32} {"µs/read many",13} {"µs/read one",12} {"many/one",9}");
        for (var c = 0; c < contenders.Length; c++)
        {
            var perMany = contenders[c].Tenants ? (many[c] * 1000 / tenants).ToString("F1", CultureInfo.InvariantCulture) : "-";
            var ratio = contenders[c].Tenants ? (many[c] / one[c]).ToString("F2", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"  {contenders[c].Name,-32} {perMany,13} {one[c] * 1000 / tenants,12:F1} {ratio,9}");
        }

        Console.WriteLine($"  Ashlar many / raw qualified many {many[0] / many[2]:F2}; Ashlar many / raw search_path many {many[0] / many[3]:F2}; " +
                          $"Ashlar one / raw qualified one {one[0] / one[2]:F2}; Ashlar many / Ashlar non-tenant {many[0] / one[4]:F2}");
    }

    private static async Task<int> CountAsync(NpgsqlDataReader reader)
    {
        await using (reader)
        {
            var count = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt64(0);
                _ = reader.GetString(1);
                _ = reader.GetInt32(2);
                count++;
            }

            return count;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

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

        // One pass over every tenant's table from a connection no contender uses: the new rows' and catalog entries'
        // hint bits are set here, so the first contender to meet a tenant does not pay that for the others.
        await using (var command = dataSource.CreateCommand(
            "DO $$ DECLARE s text; n bigint; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]+$' LOOP " +
            "EXECUTE format('SELECT count(*) FROM %I.items', s) INTO n; END LOOP; END $$"))
        {
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Name(int index) => "t" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);
}
