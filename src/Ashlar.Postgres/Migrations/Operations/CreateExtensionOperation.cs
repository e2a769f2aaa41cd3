using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Installs an extension the repo declares; down uninstalls it.</summary>
internal sealed record CreateExtensionOperation(string Extension) : MigrationOperation
{
    public override string Description => $"install extension {Extension}";

    public override IReadOnlyList<string> Up => [DdlWriter.CreateExtension(Extension)];

    public override IReadOnlyList<string> Down => [DdlWriter.DropExtension(Extension)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides => [Facts.Extensions];

    internal override IEnumerable<string> Requires => [];
}
