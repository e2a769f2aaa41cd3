namespace Ashlar.Postgres.Declarations;

/// <summary>Declares a custom index's options.</summary>
public sealed class IndexBuilder
{
    internal IndexBuilder(IndexOptions options)
    {
        Options = options;
    }

    internal IndexOptions Options { get; private set; }

    /// <summary>The index's name.</summary>
    public IndexBuilder Name(string name) => With(Options with { Name = name });

    /// <summary>Makes the index unique; <paramref name="message"/> and <paramref name="field"/> shape the error a violation gives.</summary>
    public IndexBuilder Unique(string? message = null, string? field = null) =>
        With(Options with { Unique = true, Message = message, ErrorField = field });

    /// <summary>Makes the index partial.</summary>
    public IndexBuilder Where(string sql) => With(Options with { Where = sql });

    /// <summary>The access method: <c>gin</c>, <c>gist</c>, <c>brin</c>, <c>hash</c>…</summary>
    public IndexBuilder Using(string method) => With(Options with { Using = method });

    /// <summary>Stores these columns in the index without making them keys.</summary>
    public IndexBuilder Include(params string[] columns) => With(Options with { Include = columns });

    /// <summary>Builds the index without locking writes; its migration runs outside a transaction.</summary>
    public IndexBuilder Concurrently() => With(Options with { Concurrently = true });

    /// <summary>Whether NULLs count as distinct (false needs PostgreSQL 15+).</summary>
    public IndexBuilder NullsDistinct(bool distinct) => With(Options with { NullsDistinct = distinct });

    private IndexBuilder With(IndexOptions options)
    {
        Options = options;
        return this;
    }
}
