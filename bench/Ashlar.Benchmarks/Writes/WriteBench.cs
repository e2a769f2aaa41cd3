using System.Diagnostics;
using Ashlar.Actions;
using Ashlar.Benchmarks.Model;
using Ashlar.Bulk;
using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.LocalCluster;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Sql.Statements;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Ashlar.Benchmarks.Writes;

/// <summary>
/// <c>--writes</c>: bulk insert of 100,000 notes (6 columns, two FKs) and an upsert of 10,000 members (half new), every
/// contender in one process, taking turns each round; the table is emptied (or refilled) and checkpointed before every
/// timed operation. Prints the median time, rows/s, the ratio to the floor and managed bytes allocated per row.
/// </summary>
public static class WriteBench
{
    private const int Rows = 100_000;
    private const int SlowRows = 20_000;
    private const int Upserts = 10_000;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(3);
        await using var cluster = await TemporaryCluster.StartAsync(new TemporaryClusterOptions
        {
            ServerSettings = new Dictionary<string, string> { ["shared_buffers"] = "256MB", ["max_wal_size"] = "2GB", ["synchronous_commit"] = "on" },
        });
        var connectionString = await cluster.CreateDatabaseAsync("writes") + ";Minimum Pool Size=1;Maximum Pool Size=20";
        await using var source = NpgsqlDataSource.Create(connectionString);
        var model = DomainModel.Build("writes", d => d.Resource<Author>().Resource<Post>().Resource<Comment>().Resource<Note>().Resource<Member>());
        await using var domain = PostgresDomain.Create(model, pg => pg.Repo<BenchRepo>(source));
        await domain.Postgres().CreateSchemaAsync();
        await SeedAsync(source);
        var ef = new PooledDbContextFactory<WriteContext>(new DbContextOptionsBuilder<WriteContext>().UseNpgsql(source).Options);
        var notes = new NoteInputs(Rows);

        foreach (var withFks in args.Contains("--upsert-only") ? [] : new[] { true, false })
        {
            if (!withFks)
            {
                await ExecAsync(source, "ALTER TABLE notes DROP CONSTRAINT notes_post_id_fkey, DROP CONSTRAINT notes_author_id_fkey");
            }

            var contenders = new (string Name, int Rows, Func<int, Task> Run)[]
            {
                ("Raw binary COPY (the floor)", Rows, n => RawCopyAsync(source, notes, n)),
                ("Ashlar BulkCreateAsync (COPY path: default options)", Rows, n => AshlarAsync(domain, notes, n, new BulkCreateOptions())),
                ("Raw INSERT … SELECT unnest (10,000 rows/stmt, 1 tx)", Rows, n => RawUnnestAsync(source, notes, n)),
                ("Ashlar BulkCreateAsync ReturnRecords (unnest, 10,000/batch)", Rows, n => AshlarAsync(domain, notes, n, new BulkCreateOptions { ReturnRecords = true, BatchSize = 10_000 })),
                ("EF Core AddRange + SaveChangesAsync", SlowRows, n => EfAsync(ef, notes, n)),
                ("Dapper Execute(sql, list) in 1 tx", SlowRows, n => DapperAsync(source, notes, n)),
            };
            contenders = args.Contains("--skip-slow") ? contenders[..4] : contenders;
            await MeasureAsync($"bulk insert, {(withFks ? "with" : "without")} FKs", contenders, rounds, () => ExecAsync(source, "TRUNCATE notes RESTART IDENTITY; CHECKPOINT"),
                async n => await ScalarAsync(source, "SELECT count(*) FROM notes") == n);
        }

        var upsertContenders = new (string Name, int Rows, Func<int, Task> Run)[]
        {
            ("Raw INSERT … unnest … ON CONFLICT DO UPDATE (1 stmt)", Upserts, _ => RawUpsertAsync(source)),
            ("Ashlar's generated statement run by hand (same arrays, no tx)", Upserts, _ => AshlarSqlByHandAsync(source, model)),
            ("Ashlar BulkCreateAsync + Upsert (1 stmt)", Upserts, _ => AshlarUpsertAsync(domain)),
            ("EF Core load-then-update (Contains, SaveChanges)", Upserts, _ => EfUpsertAsync(ef)),
        };
        upsertContenders = args.Contains("--skip-slow") ? upsertContenders[..3] : upsertContenders;
        Console.WriteLine();
        Console.WriteLine("Ashlar's upsert statement: " + UpsertText(model));
        await MeasureAsync("upsert 10,000 (5,000 new, 5,000 existing)", upsertContenders, rounds * 2, () => RefillMembersAsync(source),
            async _ => await ScalarAsync(source, "SELECT count(*) FROM members") == 15_000 &&
                await ScalarAsync(source, "SELECT count(*) FROM members WHERE name LIKE 'New %'") == 10_000);
    }

    private static async Task MeasureAsync(string title, (string Name, int Rows, Func<int, Task> Run)[] contenders, int rounds, Func<Task> reset, Func<int, Task<bool>> check)
    {
        var times = contenders.Select(_ => new List<double>()).ToArray();
        var allocations = new long[contenders.Length];
        var cpu = contenders.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = -1; round < rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                await reset();
                var allocated = GC.GetTotalAllocatedBytes(true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await contenders[c].Run(contenders[c].Rows);
                watch.Stop();
                process.Refresh();
                var cpuUsed = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                allocated = GC.GetTotalAllocatedBytes(true) - allocated;
                if (!await check(contenders[c].Rows))
                {
                    throw new InvalidOperationException($"{contenders[c].Name} did not write what it should.");
                }

                if (round >= 0)
                {
                    times[c].Add(watch.Elapsed.TotalMilliseconds);
                    cpu[c].Add(cpuUsed);
                    allocations[c] = allocated;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"### {title} ({rounds} rounds after 1 warm-up, median)");
        Console.WriteLine();
        Console.WriteLine("| Contender | Rows | Median ms | Min ms | Max ms | Rows/s | Time per row vs first | Bytes allocated/row | Client CPU ms (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var floor = Median(times[0]) / contenders[0].Rows;
        for (var c = 0; c < contenders.Length; c++)
        {
            var median = Median(times[c]);
            var rows = contenders[c].Rows;
            Console.WriteLine($"| {contenders[c].Name} | {rows:N0} | {median:N1} | {times[c].Min():N1} | {times[c].Max():N1} | {rows / median * 1000:N0} | {median / rows / floor:N2} | {allocations[c] / rows:N0} | {Median(cpu[c]):N1} |");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task RawCopyAsync(NpgsqlDataSource source, NoteInputs notes, int count)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync("COPY notes (post_id, author_id, body, score, created_at) FROM STDIN (FORMAT BINARY)");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(notes.PostIds[i], NpgsqlDbType.Bigint);
            await writer.WriteAsync(notes.AuthorIds[i], NpgsqlDbType.Bigint);
            await writer.WriteAsync(notes.Bodies[i], NpgsqlDbType.Text);
            await writer.WriteAsync(notes.Scores[i], NpgsqlDbType.Integer);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    private static async Task RawUnnestAsync(NpgsqlDataSource source, NoteInputs notes, int count)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var start = 0; start < count; start += 10_000)
        {
            var n = Math.Min(10_000, count - start);
            await using var command = new NpgsqlCommand(
                "INSERT INTO notes (post_id, author_id, body, score, created_at) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::integer[], $5::timestamptz[])",
                connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = notes.PostIds[start..(start + n)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = notes.AuthorIds[start..(start + n)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = notes.Bodies[start..(start + n)] });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = notes.Scores[start..(start + n)] });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = Enumerable.Repeat(DateTimeOffset.UtcNow, n).ToArray() });
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task AshlarAsync(Domain domain, NoteInputs notes, int count, BulkCreateOptions options)
    {
        var result = await domain.BulkCreateAsync<Note>(notes.Inputs.Take(count), options);
        result.ThrowIfFailed();
    }

    private static async Task EfAsync(PooledDbContextFactory<WriteContext> factory, NoteInputs notes, int count)
    {
        await using var context = await factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        context.Notes.AddRange(Enumerable.Range(0, count).Select(i => new NoteRow
        {
            PostId = notes.PostIds[i],
            AuthorId = notes.AuthorIds[i],
            Body = notes.Bodies[i],
            Score = notes.Scores[i],
            CreatedAt = now,
        }));
        await context.SaveChangesAsync();
    }

    private static async Task DapperAsync(NpgsqlDataSource source, NoteInputs notes, int count)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await connection.ExecuteAsync(
            "INSERT INTO notes (post_id, author_id, body, score, created_at) VALUES (@PostId, @AuthorId, @Body, @Score, @CreatedAt)",
            Enumerable.Range(0, count).Select(i => new { PostId = notes.PostIds[i], AuthorId = notes.AuthorIds[i], Body = notes.Bodies[i], Score = notes.Scores[i], CreatedAt = now }),
            transaction);
        await transaction.CommitAsync();
    }

    private static async Task RawUpsertAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand(
            "INSERT INTO members (email, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (email) DO UPDATE SET name = excluded.name");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = UpsertEmails });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = UpsertNames });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The statement Ashlar compiles for the upsert, with the parameter arrays it builds, sent by hand: the time between
    /// it and the hand-written statement is the SQL's shape; between it and Ashlar's call, Ashlar's own overhead.
    /// </summary>
    private static async Task AshlarSqlByHandAsync(NpgsqlDataSource source, DomainModel model)
    {
        var resource = model.Resource<Member>();
        var plan = BulkPlanner.Plan(model, resource, Domain.RequireAction(resource, ActionKind.Create, null), UpsertOptions);
        var email = resource.Attribute("email")!;
        var name = resource.Attribute("name")!;
        var rows = UpsertEmails.Select((e, i) => (IReadOnlyList<FieldValue>)[new FieldValue(email, e), new FieldValue(name, UpsertNames[i])]).ToList();
        var statement = BulkInsertCompiler.Compile(model, plan, plan.Columns, BulkColumns.Build(plan.Columns, rows).Parameters());
        await using var command = source.CreateCommand(statement.Text);
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value, NpgsqlDbType = parameter.Type });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static string UpsertText(DomainModel model)
    {
        var resource = model.Resource<Member>();
        var plan = BulkPlanner.Plan(model, resource, Domain.RequireAction(resource, ActionKind.Create, null), UpsertOptions);
        return BulkInsertCompiler.Compile(model, plan, plan.Columns, BulkColumns.Build(plan.Columns, []).Parameters()).Text;
    }

    private static BulkCreateOptions UpsertOptions => new()
    {
        BatchSize = Upserts,
        Upsert = new Upsert { Identity = "unique_email", Fields = ["name"] },
    };

    private static async Task AshlarUpsertAsync(Domain domain)
    {
        var inputs = UpsertEmails.Select((email, i) => (object?)new { email, name = UpsertNames[i] });
        var result = await domain.BulkCreateAsync<Member>(inputs, UpsertOptions);
        result.ThrowIfFailed();
    }

    private static async Task EfUpsertAsync(PooledDbContextFactory<WriteContext> factory)
    {
        await using var context = await factory.CreateDbContextAsync();
        var existing = await context.Members.Where(m => UpsertEmails.Contains(m.Email)).ToDictionaryAsync(m => m.Email);
        for (var i = 0; i < UpsertEmails.Length; i++)
        {
            if (existing.TryGetValue(UpsertEmails[i], out var member))
            {
                member.Name = UpsertNames[i];
            }
            else
            {
                context.Members.Add(new MemberRow { Email = UpsertEmails[i], Name = UpsertNames[i] });
            }
        }

        await context.SaveChangesAsync();
    }

    private static readonly string[] UpsertEmails = [.. Enumerable.Range(5_000, Upserts).Select(i => $"member{i}@example.test")];

    private static readonly string[] UpsertNames = [.. Enumerable.Range(5_000, Upserts).Select(i => $"New {i}")];

    private static async Task RefillMembersAsync(NpgsqlDataSource source)
    {
        await ExecAsync(source, "TRUNCATE members RESTART IDENTITY; INSERT INTO members (email, name) SELECT 'member' || i || '@example.test', 'Old ' || i FROM generate_series(0, 9999) AS i; VACUUM ANALYZE members; CHECKPOINT");
    }

    private static async Task SeedAsync(NpgsqlDataSource source) =>
        await ExecAsync(source,
            "INSERT INTO authors (id, name, email) SELECT i, 'Author ' || i, 'author' || i || '@example.test' FROM generate_series(1, 1000) AS i; " +
            "INSERT INTO posts (id, title, body, score, published, author_id) SELECT i, 'Post ' || i, 'Body', i, true, i FROM generate_series(1, 1000) AS i; " +
            "VACUUM ANALYZE");

    private static async Task ExecAsync(NpgsqlDataSource source, string sql)
    {
        foreach (var statement in sql.Split("; "))
        {
            await using var command = source.CreateCommand(statement);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
