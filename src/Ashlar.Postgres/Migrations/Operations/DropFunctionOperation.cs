using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Drops a helper function no default calls any more (e.g. once the minimum version has a native one).</summary>
internal sealed record DropFunctionOperation(string Function) : MigrationOperation
{
    public override string Description => $"drop function {Function}()";

    public override IReadOnlyList<string> Up => [UuidV7Function.Drop(Function)];

    public override IReadOnlyList<string> Down => [UuidV7Function.Create(Function)];

    public override LockLevel Lock => LockLevel.None;

    internal override IEnumerable<string> Provides => [];

    internal override IEnumerable<string> Requires => [];
}
