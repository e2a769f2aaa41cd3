namespace Ashlar.Postgres.Declarations;

/// <summary>Declares a custom index's options.</summary>
public sealed class IndexBuilder
{
    private readonly Action<string, string>? _problem;

    internal IndexBuilder(IndexOptions options, Action<string, string>? problem = null)
    {
        Options = options;
        _problem = problem;
    }

    internal IndexOptions Options { get; private set; }

    /// <summary>The index's name.</summary>
    public IndexBuilder Name(string name) => With(Options with { Name = name });

    /// <summary>Makes the index unique; <paramref name="message"/> and <paramref name="field"/> shape the error a violation gives.</summary>
    public IndexBuilder Unique(string? message = null, string? field = null) =>
        With(Options with { Unique = true, Message = message, ErrorField = field });

    /// <summary>
    /// Makes these key columns descending (<c>DESC</c>), e.g. <c>.Index(x =&gt; new { x.Active, x.DueOn }, i =&gt; i.Descending("due_on"))</c>;
    /// the string form of <c>Index</c> writes them with a leading <c>-</c> instead.
    /// </summary>
    /// <param name="columns">Key columns of this index (snake_case attribute names).</param>
    public IndexBuilder Descending(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var fields = Options.Fields.ToList();
        foreach (var column in columns)
        {
            var index = fields.FindIndex(f => f.Column == column);
            if (index < 0)
            {
                _problem?.Invoke($"{column} is not a key column of the index ({string.Join(", ", Options.Fields.Select(f => f.Column ?? f.Sql))})",
                    "name one of the index's key columns in Descending(...)");
                continue;
            }

            fields[index] = fields[index] with { Descending = true };
        }

        return With(Options with { Fields = fields });
    }

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
