using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Migrations.Operations;

/// <summary>Installs a helper function that column defaults call (<c>ashlar_uuid_v7()</c>); down drops it.</summary>
internal sealed record CreateFunctionOperation(string Function) : MigrationOperation
{
    public override string Description => $"create function {Function}()";

    public override IReadOnlyList<string> Up => [UuidV7Function.Create(Function)];

    public override IReadOnlyList<string> Down => [UuidV7Function.Drop(Function)];

    public override LockLevel Lock => LockLevel.None;

    // Tables and defaults that call the function already wait for the repo's extensions; the function is one of them.
    internal override IEnumerable<string> Provides => [Facts.Extensions];

    internal override IEnumerable<string> Requires => [Facts.Schema(Function[..Function.LastIndexOf('.')])];
}
