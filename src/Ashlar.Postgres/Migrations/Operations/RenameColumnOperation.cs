using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Renames a column; indexes and constraints on it follow.</summary>
internal sealed record RenameColumnOperation(string Schema, string Table, string From, string To) : MigrationOperation
{
    public override string Description => $"rename column {Schema}.{Table}.{From} to {To}";

    public override IReadOnlyList<string> Up => [DdlWriter.RenameColumn(Schema, Table, From, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.RenameColumn(Schema, Table, To, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides =>
    [
        Facts.Column(Schema, Table, To), Facts.ColumnNameFree(Schema, Table, From), Facts.Columns(Schema, Table),
        Facts.Structure(Schema, Table),
    ];

    // Dropped indexes and checks go first so that the reversed down recreates them after the name is back.
    internal override IEnumerable<string> Requires =>
    [
        Facts.Table(Schema, Table), Facts.ColumnNameFree(Schema, Table, To), Facts.IndexesGone(Schema, Table),
        Facts.ChecksGone(Schema, Table), Facts.ForeignKeysOnColumnGone(Schema, Table, From),
    ];
}
