namespace Ashlar.LocalCluster;

/// <summary>
/// A directory holding the PostgreSQL server programs <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>The environment variable that names a bin directory to use before any other.</summary>
    public const string EnvironmentVariable = "ASHLAR_PG_BIN";

    private const string InstallHint =
        "To fix it, install the server: `apt-get install -y postgresql` (Debian/Ubuntu), " +
        "or set ASHLAR_PG_BIN to a directory holding initdb and pg_ctl.";

    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    /// <summary>The absolute path of the directory holding the server programs.</summary>
    public string BinDirectory { get; }

    /// <summary>The absolute path of <c>initdb</c>.</summary>
    public string InitDb => ProgramPath(BinDirectory, "initdb");

    /// <summary>The absolute path of <c>pg_ctl</c>.</summary>
    public string PgCtl => ProgramPath(BinDirectory, "pg_ctl");

    /// <summary>The absolute path of the <c>postgres</c> server program.</summary>
    public string Postgres => ProgramPath(BinDirectory, "postgres");

    /// <summary>
    /// Finds the server programs, looking in order at <c>$ASHLAR_PG_BIN</c>, <c>pg_config --bindir</c>,
    /// the highest version of <c>/usr/lib/postgresql/*/bin</c>, then every directory on <c>PATH</c>.
    /// </summary>
    /// <returns>The first directory that holds all of <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</returns>
    /// <exception cref="PostgresBinariesNotFoundException">
    /// None was found, or <c>ASHLAR_PG_BIN</c> is set to a directory that lacks one of them.
    /// </exception>
    public static PostgresBinaries Locate()
    {
        var searched = new List<string>();

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            // An explicit setting that is wrong is an error, not a hint to look elsewhere.
            return FromDirectory(fromEnvironment, $"${EnvironmentVariable} is {fromEnvironment}, which");
        }

        searched.Add($"${EnvironmentVariable} (not set)");

        var fromPgConfig = PgConfigBinDirectory();
        searched.Add(fromPgConfig is null ? "`pg_config --bindir` (pg_config not on PATH or failed)" : $"`pg_config --bindir` ({fromPgConfig})");
        if (fromPgConfig is not null && IsComplete(fromPgConfig))
        {
            return new PostgresBinaries(Path.GetFullPath(fromPgConfig));
        }

        var versioned = VersionedDebianDirectories();
        searched.Add(versioned.Count == 0 ? "/usr/lib/postgresql/*/bin (none)" : $"/usr/lib/postgresql/*/bin ({string.Join(", ", versioned)})");
        foreach (var directory in versioned)
        {
            if (IsComplete(directory))
            {
                return new PostgresBinaries(directory);
            }
        }

        searched.Add("every directory on PATH");
        foreach (var directory in PathDirectories())
        {
            var initDb = ProgramPath(directory, "initdb");
            if (!IsProgram(initDb))
            {
                continue;
            }

            // /usr/local/bin/initdb is often a symlink into the real bin directory; follow it.
            var target = File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName;
            var candidates = target is null ? [directory] : new[] { Path.GetDirectoryName(target)!, directory };
            foreach (var candidate in candidates)
            {
                if (IsComplete(candidate))
                {
                    return new PostgresBinaries(Path.GetFullPath(candidate));
                }
            }
        }

        throw new PostgresBinariesNotFoundException(
            "The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Searched: " +
            string.Join("; ", searched) + ". " + InstallHint);
    }

    /// <summary>Uses the given directory, which must hold <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    /// <param name="binDirectory">The directory to use.</param>
    /// <returns>The binaries in that directory.</returns>
    /// <exception cref="PostgresBinariesNotFoundException">A program is missing from the directory.</exception>
    public static PostgresBinaries FromDirectory(string binDirectory) => FromDirectory(binDirectory, binDirectory);

    private static PostgresBinaries FromDirectory(string binDirectory, string described)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(binDirectory);
        var missing = RequiredPrograms.Where(p => !IsProgram(ProgramPath(binDirectory, p))).ToList();
        if (missing.Count > 0)
        {
            throw new PostgresBinariesNotFoundException(
                $"The PostgreSQL server programs were not found: {described} lacks {string.Join(", ", missing)}. " + InstallHint);
        }

        return new PostgresBinaries(Path.GetFullPath(binDirectory));
    }

    /// <inheritdoc />
    public override string ToString() => BinDirectory;

    private static bool IsComplete(string directory) =>
        RequiredPrograms.All(p => IsProgram(ProgramPath(directory, p)));

    // File.Exists is true for a dangling symlink; a program must resolve to a real file.
    private static bool IsProgram(string path)
    {
        try
        {
            return File.Exists(path) && (File.ResolveLinkTarget(path, returnFinalTarget: true) is not { } target || target.Exists);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string ProgramPath(string directory, string program) =>
        Path.Combine(directory, OperatingSystem.IsWindows() ? program + ".exe" : program);

    private static string? PgConfigBinDirectory()
    {
        var pgConfig = PathDirectories().Select(d => ProgramPath(d, "pg_config")).FirstOrDefault(IsProgram);
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            var (exitCode, output) = ProcessRunner.Run(pgConfig, ["--bindir"], null, TimeSpan.FromSeconds(10));
            return exitCode == 0 && output.Trim().Length > 0 ? output.Trim() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static List<string> VersionedDebianDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(d => (Path: Path.Combine(d, "bin"), Version: System.Version.TryParse(NormalizeVersion(Path.GetFileName(d)), out var v) ? v : null))
            .Where(x => x.Version is not null && Directory.Exists(x.Path))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Path)
            .ToList();
    }

    // "15" is not a valid System.Version; as "15.0" it sorts above "9.6".
    private static string NormalizeVersion(string name) => name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
