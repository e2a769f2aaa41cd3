using System.Diagnostics;
using Ashlar.DataLayer;
using Ashlar.Errors;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Errors;
using Ashlar.Postgres.Rows;
using Ashlar.Postgres.Sql.Statements;
using Ashlar.Postgres.Sql.Text;
using Ashlar.Postgres.Types;
using Ashlar.Resources;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

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
        var columns = plan.Columns;
        var positions = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        var types = new NpgsqlDbType[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            positions[columns[c].Name] = c;
            types[c] = PgTypeMap.ParameterType(columns[c].Type);
        }

        var text = $"COPY {TableNames.Untenanted(plan.Resource, "bulk create")} ({SqlIdentifier.List(columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        return await WithConnectionAsync(plan.Resource, async connection =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var copied = await CopyRowsAsync(connection, text, rows, positions, types, columns, cancellationToken).ConfigureAwait(false);
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
        NpgsqlConnection connection, string text, IAsyncEnumerable<IReadOnlyList<FieldValue>> rows, Dictionary<string, int> positions,
        NpgsqlDbType[] types, IReadOnlyList<AttributeDefinition> columns, CancellationToken cancellationToken)
    {
        var values = new object?[columns.Count];
        var importer = await connection.BeginBinaryImportAsync(text, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Array.Clear(values);
                for (var i = 0; i < row.Count; i++)
                {
                    if (positions.TryGetValue(row[i].Attribute.Name, out var c))
                    {
                        values[c] = row[i].Value;
                    }
                }

                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } value)
                    {
                        await importer.WriteAsync(ValueConverter.ToDatabase(columns[c].Type, value), types[c], cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async ValueTask<BulkBatchResult<T>> InsertBatchAsync<T>(BulkCreatePlan plan, IReadOnlyList<IReadOnlyList<FieldValue>> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var written = 0L;
        var records = new List<T>(plan.ReturnRecords ? rows.Count : 0);
        var skipped = new List<int>();
        foreach (var (start, count, columns) in Runs(plan, rows))
        {
            var run = count == rows.Count ? rows : rows.Skip(start).Take(count).ToList();
            var command = BulkInsertCompiler.Compile(Domain, plan, columns, BulkColumns.Build(columns, run));
            var source = SourceFor(plan.Resource);
            try
            {
                if (command.ColumnOffset == 0 && !plan.ReturnRecords)
                {
                    written += await _runner.ExecuteAsync(source, command, plan.Resource, WriteKind.Create, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var sink = new BatchSink<T>(RecordReader.For(plan.Resource, command), command.ColumnOffset == 1, plan.ReturnRecords, records, skipped, start, count);
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
        var command = QueryWriteCompiler.Compile(Domain, plan);
        var kind = plan.Changes.Count == 0 && plan.Atomics.Count == 0 ? WriteKind.Destroy : WriteKind.Update;
        if (!plan.ReturnRecords)
        {
            return new BulkBatchResult<T>(await _runner.ExecuteAsync(SourceFor(resource), command, resource, kind, cancellationToken).ConfigureAwait(false), [], []);
        }

        var records = await _runner.QueryAsync<T>(SourceFor(resource), command, resource, kind, cancellationToken).ConfigureAwait(false);
        return new BulkBatchResult<T>(records.Count, records, []);
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

    /// <summary>A batch's returned rows: records in input order and, for a reporting upsert, the positions it skipped.</summary>
    private readonly struct BatchSink<T>(RecordReader reader, bool ordinals, bool records, List<T> into, List<int> skipped, int start, int count) : CommandRunner.IRowSink<int>
        where T : class
    {
        private readonly List<int> _seen = [];

        public bool ReadsRows => true;

        public void Add(NpgsqlDataReader row)
        {
            if (ordinals)
            {
                _seen.Add(start + (int)row.GetInt64(0) - 1);
            }

            if (records)
            {
                into.Add(reader.Read<T>(row));
            }
        }

        public int Complete(int affected)
        {
            if (ordinals)
            {
                var written = new HashSet<int>(_seen);
                for (var i = start; i < start + count; i++)
                {
                    if (!written.Contains(i))
                    {
                        skipped.Add(i);
                    }
                }
            }

            return affected;
        }
    }
}
