using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>
/// Runs a custom statement's up (down runs its down). It follows everything else on its table and the statement
/// declared before it; an <c>on_destroy</c> statement follows the drop of its table.
/// </summary>
internal sealed record RunStatementOperation(string Schema, string Table, StatementModel Statement, string? After) : MigrationOperation
{
    public override string Description => $"run statement {Statement.Name} on {Schema}.{Table}";

    public override IReadOnlyList<string> Up => [Statement.Up];

    public override IReadOnlyList<string> Down => Statement.Down is null ? [] : [Statement.Down];

    public override string? IrreversibleReason =>
        Statement.Down is null ? $"statement {Statement.Name} on {Schema}.{Table} declares no down" : null;

    public override LockLevel Lock => LockLevel.Unknown;

    internal override IEnumerable<string> Provides => [Facts.Statement(Schema, Table, Statement.Name)];

    internal override IEnumerable<string> Requires => Statement.OnDestroy
        ? [Facts.TableGone(Schema, Table)]
        :
        [
            Facts.Table(Schema, Table), Facts.Structure(Schema, Table), Facts.StatementGone(Schema, Table, Statement.Name),
            .. After is null ? Array.Empty<string>() : [Facts.Statement(Schema, Table, After)],
            .. Statement.AfterTables.Select(AfterTable).SelectMany(t => new[] { Facts.Table(t.Schema, t.Name), Facts.Structure(t.Schema, t.Name) }),
        ];

    private (string Schema, string Name) AfterTable(string table) =>
        table.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (table[..dot], table[(dot + 1)..]) : (Schema, table);
}
