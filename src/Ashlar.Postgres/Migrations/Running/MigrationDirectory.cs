namespace Ashlar.Postgres.Migrations.Running;

/// <summary>Reads the migration files of a repo from disk: <c>&lt;migrations&gt;/&lt;repo name&gt;/*.sql</c>.</summary>
public static class MigrationDirectory
{
    /// <summary>The folder of one repo's migrations under the application's migrations folder.</summary>
    public static string ForRepo(string migrationsRoot, string repoName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(migrationsRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(repoName);
        return Path.Combine(migrationsRoot, repoName);
    }

    /// <summary>
    /// Reads every <c>*.sql</c> file of <paramref name="directory"/>, ordered by version; a missing folder has none.
    /// </summary>
    /// <exception cref="FormatException">A file is not a migration, or two files share a version.</exception>
    public static async Task<IReadOnlyList<MigrationFile>> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var migrations = new List<MigrationFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            migrations.Add(MigrationFileFormat.Read(Path.GetFileName(path), text));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException(
                $"{directory}: {string.Join(" and ", duplicate.Select(m => m.FileName))} share the version {duplicate.Key}; rename one with a later timestamp.");
        }

        return migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
    }
}
