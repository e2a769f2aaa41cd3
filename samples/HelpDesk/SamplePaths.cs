using System.Runtime.CompilerServices;

namespace HelpDesk;

/// <summary>Where the sample keeps its migrations: <c>samples/HelpDesk/Migrations</c>, next to this file.</summary>
public static class SamplePaths
{
    /// <summary>
    /// The sample's migrations folder in its source tree (codegen writes there, so it is the project folder, not
    /// the build output); when the source tree is absent, <c>Migrations</c> beside the executable.
    /// </summary>
    public static string MigrationsDirectory { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        var projectDirectory = Path.GetDirectoryName(sourceFile);
        return projectDirectory is not null && File.Exists(Path.Combine(projectDirectory, "HelpDesk.csproj"))
            ? Path.Combine(projectDirectory, "Migrations")
            : Path.Combine(AppContext.BaseDirectory, "Migrations");
    }
}
