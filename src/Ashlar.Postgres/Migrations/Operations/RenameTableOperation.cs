using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Renames a table and its primary-key constraint.</summary>
internal sealed record RenameTableOperation(string Schema, string From, string To, bool HasPrimaryKey) : MigrationOperation
{
    public override string Description => $"rename table {Schema}.{From} to {To}";

    public override IReadOnlyList<string> Up => Rename(From, To);

    public override IReadOnlyList<string> Down => Rename(To, From);

    public override LockLevel Lock => LockLevel.AccessExclusive;

    internal override IEnumerable<string> Provides =>
        [Facts.Table(Schema, To), Facts.TableNameFree(Schema, From), Facts.SchemaEmptied(Schema)];

    internal override IEnumerable<string> Requires =>
    [
        Facts.TableNameFree(Schema, To), Facts.IndexesGone(Schema, From), Facts.ChecksGone(Schema, From),
        Facts.ForeignKeysFromGone(Schema, From), Facts.ForeignKeysIntoGone(Schema, From), Facts.StatementsGone(Schema, From),
    ];

    private List<string> Rename(string from, string to)
    {
        var statements = new List<string> { DdlWriter.RenameTable(Schema, from, to) };
        if (HasPrimaryKey)
        {
            statements.Add(DdlWriter.RenameConstraint(Schema, to, SchemaNames.PrimaryKey(from), SchemaNames.PrimaryKey(to)));
        }

        return statements;
    }
}
