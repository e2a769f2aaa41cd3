using System.Collections;
using Ashlar.Postgres.Rows;
using Npgsql;

namespace Ashlar.Postgres.DataLayer;

/// <summary>
/// One relationship load in progress (see <see cref="LoadBinder"/>): the parents' distinct keys, the rows grouped by
/// key as the statement returns them, and, at the end, each parent's records set on it.
/// </summary>
internal abstract class LoadBatch : CommandRunner.IRowSink<int>
{
    private RecordReader _records;

    /// <summary>The parents' distinct non-nil keys, as a typed array: the statement's keys parameter.</summary>
    public abstract Array Keys { get; }

    /// <summary>Every loaded record in row order, when <see cref="LoadBinder.Begin"/> was asked to keep them.</summary>
    public abstract ICollection? Records { get; }

    /// <inheritdoc />
    public bool ReadsRows => true;

    /// <summary>Reads records with <paramref name="records"/>, the reader of the load statement's rows.</summary>
    public void ReadWith(RecordReader records) => _records = records;

    /// <inheritdoc />
    public abstract void Add(NpgsqlDataReader reader);

    /// <inheritdoc />
    public int Complete(int affected) => affected;

    /// <summary>Sets each parent's related records (an empty collection or nil when it has none).</summary>
    public abstract void Assign();

    /// <summary>The record of the reader's current row.</summary>
    protected T Record<T>(NpgsqlDataReader reader)
        where T : class => _records.Read<T>(reader);
}
