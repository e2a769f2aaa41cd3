using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Uninstalls an extension the repo no longer declares (fails while anything still uses it).</summary>
internal sealed record DropExtensionOperation(string Extension) : MigrationOperation
{
    public override string Description => $"uninstall extension {Extension}";

    public override IReadOnlyList<string> Up => [DdlWriter.DropExtension(Extension)];

    public override IReadOnlyList<string> Down => [DdlWriter.CreateExtension(Extension)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides => [];

    internal override IEnumerable<string> Requires => [];
}
