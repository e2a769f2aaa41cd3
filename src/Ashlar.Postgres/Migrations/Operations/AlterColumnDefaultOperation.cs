using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Sets or drops a column's default.</summary>
internal sealed record AlterColumnDefaultOperation(string Schema, string Table, string Column, string? From, string? To) : MigrationOperation
{
    public override string Description => $"change default of {Schema}.{Table}.{Column} to {To ?? "none"}";

    public override IReadOnlyList<string> Up => [DdlWriter.SetDefault(Schema, Table, Column, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.SetDefault(Schema, Table, Column, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    // Dropping runs before a type change or identity (which would convert or clash with it); setting runs after them.
    internal override IEnumerable<string> Provides => To is null
        ? [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table), Facts.ColumnReleased(Schema, Table, Column)]
        : [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => To is null
        ? [Facts.Column(Schema, Table, Column)]
        : [Facts.Column(Schema, Table, Column), Facts.ColumnTyped(Schema, Table, Column), Facts.ColumnReleased(Schema, Table, Column), Facts.Extensions];
}
