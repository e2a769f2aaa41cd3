namespace Ashlar.LocalCluster;

/// <summary>How to start a <see cref="TemporaryCluster"/>.</summary>
public sealed record TemporaryClusterOptions
{
    /// <summary>
    /// A directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>; when <see langword="null"/>,
    /// <see cref="PostgresBinaries.Locate"/> finds one.
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// Extra server settings (<c>postgresql.conf</c> names and values), applied after the defaults so they
    /// can override them, e.g. <c>["log_statement"] = "all"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ServerSettings { get; init; }

    /// <summary>How long <c>initdb</c> and the server start may take together. Defaults to 60 seconds.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
