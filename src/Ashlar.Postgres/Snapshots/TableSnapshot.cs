using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Snapshots;

/// <summary>One version of one table as stored on disk; a null <see cref="Table"/> records that the table was dropped.</summary>
internal sealed record TableSnapshot
{
    public int Format { get; init; } = 1;

    public TableModel? Table { get; init; }
}
