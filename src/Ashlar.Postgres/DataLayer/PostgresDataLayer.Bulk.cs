using System.Diagnostics;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Rows;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Tenants;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

public sealed partial class PostgresDataLayer
{
    /// <inheritdoc />
    public bool CanCopy(BulkCreatePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var defaults = TableNames.Options(plan.Resource).MigrationDefaults;
        return !plan.ReturnRecords && plan.Upsert is null && !plan.Columns.Any(c => defaults.ContainsKey(c.Name));
    }

    /// <inheritdoc />
    public async ValueTask<long> CopyAsync(BulkCreatePlan plan, IAsyncEnumerable<IReadOnlyList<FieldValue>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        RefuseManagedTenants(plan.Resource, "a bulk create", "create each one with CreateAsync, which creates and migrates its schema with it");
        var columns = plan.Columns;
        var writers = columns.Select(CopyColumn.For).ToArray();
        var text = $"COPY {CopyTable(plan)} ({SqlIdentifier.List(columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        return await WithConnectionAsync(plan.Resource, async connection =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var copied = await CopyRowsAsync(connection, text, rows, writers, columns, cancellationToken).ConfigureAwait(false);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    PostgresLog.Copied(_logger, copied, plan.Resource.Name, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), text);
                }

                return copied;
            }
            catch (Exception e) when (CopyFailed(plan.Resource, started, text, e))
            {
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private bool CopyFailed(ResourceDefinition resource, long started, string text, Exception error)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            PostgresLog.CopyFailed(_logger, resource.Name, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), text, error);
        }

        return false;
    }

    private static async Task<long> CopyRowsAsync(
        NpgsqlConnection connection, string text, IAsyncEnumerable<IReadOnlyList<FieldValue>> rows, CopyColumn[] writers,
        IReadOnlyList<AttributeDefinition> columns, CancellationToken cancellationToken)
    {
        var values = new object?[columns.Count];
        Dictionary<string, int>? positions = null;
        var importer = await connection.BeginBinaryImportAsync(text, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // A bulk create's rows hold the columns themselves, in order; any other row is matched by name.
                var aligned = row.Count == columns.Count;
                for (var c = 0; aligned && c < columns.Count; c++)
                {
                    aligned = ReferenceEquals(row[c].Attribute, columns[c]);
                    values[c] = row[c].Value;
                }

                if (!aligned)
                {
                    positions ??= columns.Select((column, c) => (column.Name, c)).ToDictionary(p => p.Name, p => p.c, StringComparer.Ordinal);
                    Array.Clear(values);
                    for (var i = 0; i < row.Count; i++)
                    {
                        if (positions.TryGetValue(row[i].Attribute.Name, out var c))
                        {
                            values[c] = row[i].Value;
                        }
                    }
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } value)
                    {
                        await writers[c].WriteAsync(importer, value, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return (long)await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The table a COPY fills: a schema-per-tenant resource's table in the tenant's schema, named outright (quoted) since
    /// COPY takes no tenant prelude; a tenant-column resource's table as it is (every row carries the tenant column).
    /// </summary>
    private static string CopyTable(BulkCreatePlan plan)
    {
        var target = TableNames.Target(plan.Resource, plan.Tenant);
        return target.Use == Multitenancy.TenantUse.Schema
            ? SqlIdentifier.Qualified(plan.Tenant!, TableNames.Options(plan.Resource).Table!)
            : target.Table;
    }

    /// <inheritdoc />
    public async ValueTask<BulkBatchResult<T>> InsertBatchAsync<T>(BulkCreatePlan plan, IReadOnlyList<IReadOnlyList<FieldValue>> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        RefuseManagedTenants(plan.Resource, plan.Upsert is null ? "a bulk create" : "an upsert", "create each one with CreateAsync, which creates and migrates its schema with it");
        var runs = Runs(plan, rows).ToList();
        if (runs.Count > 1 && AmbientTransaction.Current is null)
        {
            // Rows with and without values for database-defaulted columns go in separate statements: one transaction
            // keeps the batch atomic, as a single statement is.
            return await TransactionAsync(ct => WriteRunsAsync<T>(plan, rows, runs, ct), cancellationToken).ConfigureAwait(false);
        }

        return await WriteRunsAsync<T>(plan, rows, runs, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BulkBatchResult<T>> WriteRunsAsync<T>(
        BulkCreatePlan plan, IReadOnlyList<IReadOnlyList<FieldValue>> rows, List<(int Start, int Count, IReadOnlyList<AttributeDefinition> Columns)> runs,
        CancellationToken cancellationToken)
        where T : class
    {
        var written = 0L;
        var records = new List<T>(plan.ReturnRecords ? rows.Count : 0);
        var skipped = new List<int>();
        foreach (var (start, count, columns) in runs)
        {
            var run = count == rows.Count ? rows : rows.Skip(start).Take(count).ToList();
            var arrays = BulkColumns.Build(columns, run);
            var order = plan.Upsert is { } keyed ? UpsertOrder.Sort(arrays, columns, keyed.Target, run.Count) : null;
            var command = BulkInsertCompiler.Compile(Domain, plan, columns, arrays.Parameters());
            var source = SourceFor(plan.Resource);
            try
            {
                if (command.ColumnOffset == 0 && !plan.ReturnRecords)
                {
                    written += await _runner.ExecuteAsync(source, command, plan.Resource, WriteKind.Create, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var sink = new BatchSink<T>(RecordReader.For(plan.Resource, command), command.ColumnOffset == 1 ? order : null, plan.ReturnRecords, records, skipped, start, count);
                written += await _runner.QueryAsync<BatchSink<T>, int>(source, command, plan.Resource, WriteKind.Create, sink, cancellationToken).ConfigureAwait(false);
            }
            catch (AshlarException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.CardinalityViolation } && plan.Upsert is { } upsert)
            {
                throw AshlarException.From(new InvalidAttribute(
                    $"is the same in two inputs of one batch; an upsert writes each row once per statement: merge those inputs, or send them in separate calls")
                {
                    Resource = plan.Resource.Name,
                    Field = string.Join(", ", upsert.Target.Select(t => t.Name)),
                }, e.InnerException);
            }
        }

        return new BulkBatchResult<T>(written, records, skipped);
    }

    /// <inheritdoc />
    public async ValueTask<BulkBatchResult<T>> WriteAllAsync<T>(QueryWritePlan plan, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        var resource = plan.Query.Resource;
        if (ManagedTenantOf(resource) is { } managed)
        {
            if (managed.DropSchema && plan.Changes.Count == 0 && plan.Atomics.Count == 0)
            {
                RefuseManagedTenants(resource, "a destroy by query", "destroy each one with DestroyAsync, which drops its schema with it");
            }

            if (managed.RenameSchema && (ManagedTenantSchema.Touches(resource, managed, plan.Changes) ||
                ManagedTenantSchema.Touches(resource, managed, [.. plan.Atomics.Select(a => new FieldValue(a.Attribute, null))])))
            {
                RefuseManagedTenants(resource, "an update by query of the schema name's attributes", "update each one with UpdateAsync, which renames its schema with it");
            }
        }

        var command = QueryWriteCompiler.Compile(Domain, plan);
        var kind = plan.Changes.Count == 0 && plan.Atomics.Count == 0 ? WriteKind.Destroy : WriteKind.Update;
        if (!plan.ReturnRecords)
        {
            return new BulkBatchResult<T>(await _runner.ExecuteAsync(SourceFor(resource), command, resource, kind, cancellationToken).ConfigureAwait(false), [], []);
        }

        var records = await _runner.QueryAsync<T>(SourceFor(resource), command, resource, kind, cancellationToken).ConfigureAwait(false);
        return new BulkBatchResult<T>(records.Count, records, []);
    }

    /// <summary>The error for a bulk write a managed-tenant resource cannot take: its records' schemas would not follow.</summary>
    /// <exception cref="AshlarException">UnsupportedFeature, when <paramref name="resource"/> manages tenants.</exception>
    private static void RefuseManagedTenants(ResourceDefinition resource, string operation, string fix)
    {
        if (ManagedTenantOf(resource) is not null)
        {
            throw AshlarException.From(new UnsupportedFeature(
                $"{operation} cannot write {resource.Name} records: each is a tenant whose schema is created, renamed or dropped with it; {fix}")
            {
                Resource = resource.Name,
            });
        }
    }

    /// <summary>
    /// Splits a batch where rows differ in which columns with a database-side default they carry (a missing value must
    /// get the default, not NULL), keeping the rows' order; each run leaves out the defaulted columns none of its rows has.
    /// </summary>
    private static IEnumerable<(int Start, int Count, IReadOnlyList<AttributeDefinition> Columns)> Runs(BulkCreatePlan plan, IReadOnlyList<IReadOnlyList<FieldValue>> rows)
    {
        var defaults = TableNames.Options(plan.Resource).MigrationDefaults;
        var defaulted = plan.Columns.Where(c => defaults.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (defaulted.Count == 0)
        {
            yield return (0, rows.Count, plan.Columns);
            yield break;
        }

        var start = 0;
        var mask = Mask(rows[0], defaulted);
        for (var r = 1; r <= rows.Count; r++)
        {
            var next = r < rows.Count ? Mask(rows[r], defaulted) : null;
            if (next is not null && next == mask)
            {
                continue;
            }

            var present = mask;
            yield return (start, r - start, plan.Columns.Where(c => !defaulted.Contains(c.Name) || present.Contains(c.Name, StringComparison.Ordinal)).ToList());
            start = r;
            mask = next!;
        }
    }

    private static string Mask(IReadOnlyList<FieldValue> row, List<string> defaulted) =>
        string.Join("\u0001", defaulted.Where(d => row.Any(v => v.Attribute.Name == d && v.Value is not null)));

    /// <summary>Runs <paramref name="work"/> on the ambient transaction's connection or a pooled one, translating errors.</summary>
    private async ValueTask<TResult> WithConnectionAsync<TResult>(ResourceDefinition resource, Func<NpgsqlConnection, Task<TResult>> work, CancellationToken cancellationToken)
    {
        var connected = false;
        try
        {
            var ambient = AmbientTransaction.Current;
            var source = SourceFor(resource);
            var connection = ambient is null
                ? await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false)
                : await ambient.ConnectionAsync(source, cancellationToken).ConfigureAwait(false);
            connected = true;
            try
            {
                return await work(connection).ConfigureAwait(false);
            }
            finally
            {
                if (ambient is null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (PostgresException e)
        {
            PostgresLog.Refused(_logger, resource.Name, e.SqlState, e.ConstraintName);
            throw _translator.Translate(e, resource.Name, WriteKind.Create);
        }
        catch (NpgsqlException e) when (e.InnerException is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresErrorTranslator.Translate(e, resource.Name, connected);
        }
    }

    /// <summary>
    /// A batch's returned rows: records in input order and, for a reporting upsert, the positions it skipped. A reporting
    /// upsert's rows carry their position in the key-sorted arrays; <c>order</c> maps it back to the input.
    /// </summary>
    private readonly struct BatchSink<T>(RecordReader reader, int[]? order, bool records, List<T> into, List<int> skipped, int start, int count) : CommandRunner.IRowSink<int>
        where T : class
    {
        private readonly List<(int Position, T? Record)> _seen = [];

        public bool ReadsRows => true;

        public void Add(NpgsqlDataReader row)
        {
            if (order is null)
            {
                into.Add(reader.Read<T>(row));
                return;
            }

            _seen.Add((order[(int)row.GetInt64(0) - 1], records ? reader.Read<T>(row) : null));
        }

        public int Complete(int affected)
        {
            if (order is null)
            {
                return affected;
            }

            _seen.Sort((a, b) => a.Position.CompareTo(b.Position));
            var next = 0;
            foreach (var (position, record) in _seen)
            {
                for (; next < position; next++)
                {
                    skipped.Add(start + next);
                }

                next = position + 1;
                if (record is not null)
                {
                    into.Add(record);
                }
            }

            for (; next < count; next++)
            {
                skipped.Add(start + next);
            }

            return affected;
        }
    }
}
