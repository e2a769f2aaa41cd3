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
    /// Whether any <c>*.sql</c> file of <paramref name="directory"/> is a dev migration (<c>codegen --dev</c>). Reads each
    /// file's header only, checked as <see cref="LoadAsync"/> checks it, without splitting the statements: a generated
    /// migration of a large domain is megabytes of SQL, and <c>codegen</c> asks this before every run.
    /// </summary>
    /// <exception cref="FormatException">A file is not a migration.</exception>
    public static async Task<bool> HasDevMigrationsAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return false;
        }

        // Every file is checked, as loading them would: a broken file is refused whether or not a dev one comes first.
        var dev = false;
        foreach (var path in Directory.EnumerateFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            dev |= MigrationFileFormat.IsDev(Path.GetFileName(path), text);
        }

        return dev;
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
