using Ashlar.Postgres.Migrations.Diffing;
using Ashlar.Postgres.Migrations.Operations;
using Ashlar.Postgres.Schema;

namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>Small builders for schema models, and the diff → order pipeline the tests run.</summary>
internal static class Models
{
    public static ColumnModel Column(string name, string type = "text", bool nullable = true, string? defaultSql = null, bool identity = false) =>
        new() { Name = name, Type = type, Nullable = nullable, Default = defaultSql, Identity = identity };

    public static ColumnModel Id => Column("id", "bigint", nullable: false, identity: true);

    public static TableModel Table(string name, params ColumnModel[] columns) =>
        new() { Schema = "public", Name = name, Columns = [Id, .. columns], PrimaryKey = ["id"] };

    public static SchemaModel Model(params TableModel[] tables) => new() { Tables = tables };

    public static IReadOnlyList<MigrationOperation> Diff(SchemaModel old, SchemaModel @new, IRenamePrompt? prompt = null) =>
        OperationOrderer.Order(SchemaDiffer.Diff(old, @new, new DiffOptions { Prompt = prompt }).Operations);

    public static IReadOnlyList<MigrationOperation> Diff(TableModel old, TableModel @new) => Diff(Model(old), Model(@new));

    public static string UpSql(this IEnumerable<MigrationOperation> operations) => string.Join(";\n", operations.SelectMany(o => o.Up));

    public static string DownSql(this IEnumerable<MigrationOperation> operations) =>
        string.Join(";\n", operations.Reverse().SelectMany(o => o.Down));
}
