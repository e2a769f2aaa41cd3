using System.Diagnostics;
using Ashlar.CodegenBenchmarks;
using Ashlar.Postgres.Migrations.Generation;
using Ashlar.Postgres.Schema;

// How long does codegen take for a large app? Snapshot load + diff + order + write, for 500 resources.
const int Resources = 500;
var directory = Directory.CreateTempSubdirectory("ashlar-codegen-bench-").FullName;
try
{
    var generator = new MigrationGenerator(new MigrationGeneratorOptions { MigrationsDirectory = directory });
    var initial = new Dictionary<string, SchemaModel> { ["app"] = GeneratedSchema.Build(Resources, changed: false) };
    var changed = new Dictionary<string, SchemaModel> { ["app"] = GeneratedSchema.Build(Resources, changed: true) };

    Console.WriteLine($"Codegen for {Resources} generated resources (10 columns, 1 foreign key, 2 indexes, 1 check, 1 statement each)");
    Measure("first migration (create everything)", () => generator.Generate(initial, "create"));
    Measure("no changes", () => generator.Generate(initial, "again"));
    Measure("change every table (add column, alter type, replace index)", () => generator.Generate(changed, "change"));
    Measure("check", () => generator.Check(changed));
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Measure(string what, Func<object> run)
{
    var watch = Stopwatch.StartNew();
    var result = run();
    watch.Stop();
    var detail = result switch
    {
        GenerationResult g => $"{g.Repos.Sum(r => r.Operations.Count)} operations, {g.Repos.Sum(r => r.Written.Count)} files",
        CheckResult c => c.Ok ? "ok" : $"{c.Differences.Count} differences",
        _ => "",
    };
    Console.WriteLine($"  {what,-62} {watch.Elapsed.TotalMilliseconds,8:F0} ms  ({detail})");
}
