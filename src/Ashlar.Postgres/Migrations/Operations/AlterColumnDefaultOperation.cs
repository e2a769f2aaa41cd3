using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Sets or drops a column's default.</summary>
internal sealed record AlterColumnDefaultOperation(string Schema, string Table, string Column, string? From, string? To) : MigrationOperation
{
    public override string Description => $"change default of {Schema}.{Table}.{Column} to {To ?? "none"}";

    public override IReadOnlyList<string> Up => [DdlWriter.SetDefault(Schema, Table, Column, To)];

    public override IReadOnlyList<string> Down => [DdlWriter.SetDefault(Schema, Table, Column, From)];

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides => [Facts.Columns(Schema, Table), Facts.Structure(Schema, Table)];

    internal override IEnumerable<string> Requires => [Facts.Column(Schema, Table, Column), Facts.Extensions];
}
