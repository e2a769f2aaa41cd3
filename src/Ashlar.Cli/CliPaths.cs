using System.Reflection;

namespace Ashlar.Cli;

/// <summary>
/// Where a relative migrations folder is: under <see cref="CliOptions.ContentRoot"/> when the application set one; else
/// under the project folder the <c>Ashlar.Cli</c> package recorded in the application's assembly at build time, while
/// that folder exists (<c>dotnet run</c> on a developer's machine, where codegen must write into the source tree); else
/// beside the executable (a published application, where the package's MSBuild item copied the folder). Never the
/// current directory, so a command gives the same answer wherever it is started.
/// </summary>
internal static class CliPaths
{
    /// <summary>The assembly metadata key the package's build targets write the project folder under.</summary>
    public const string ProjectDirectoryKey = "Ashlar.ProjectDirectory";

    public static string MigrationsDirectory(CliOptions options, Assembly? entryAssembly) =>
        Path.GetFullPath(options.MigrationsDirectory, ContentRoot(options, entryAssembly));

    public static string ContentRoot(CliOptions options, Assembly? entryAssembly)
    {
        if (options.ContentRoot is { } root)
        {
            return Path.GetFullPath(root);
        }

        var project = entryAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == ProjectDirectoryKey)?.Value;
        return !string.IsNullOrEmpty(project) && Directory.Exists(project) ? project : AppContext.BaseDirectory;
    }
}
