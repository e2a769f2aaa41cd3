namespace Ashlar.Queries;

/// <summary>Starts queries: <c>Query.For&lt;Post&gt;().Filter(p =&gt; p.Score &gt; 4)</c>.</summary>
public static class Query
{
    /// <summary>A query over every record of <typeparamref name="T"/>.</summary>
    public static Query<T> For<T>()
        where T : class => Query<T>.All;
}
