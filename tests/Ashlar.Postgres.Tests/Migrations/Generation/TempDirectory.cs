namespace Ashlar.Postgres.Tests.Migrations.Generation;

/// <summary>A migrations folder of its own, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ashlar-codegen-").FullName;

    public IReadOnlyList<string> Files(string under = "") =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, under), "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
