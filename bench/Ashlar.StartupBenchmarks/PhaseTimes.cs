using System.Diagnostics;
using System.Globalization;
using Ashlar.Cli;
using Ashlar.Domains;

namespace Ashlar.StartupBenchmarks;

/// <summary>
/// The <c>cli</c> mode with a stopwatch: the app's <c>Main</c> (domain build, then <see cref="AshlarCli.RunAsync"/>) in
/// this process, printing to standard error the wall and CPU milliseconds of the domain build and of the command after
/// it (<c>build-wall build-cpu command-wall command-cpu</c>), so the command's own share can be compared between builds
/// without the build's noise: <c>Ashlar.StartupBenchmarks phases &lt;dir&gt; same|changed check</c>.
/// </summary>
internal static class PhaseTimes
{
    public static async Task<int> RunAsync(string directory, bool changed, string[] command)
    {
        StartupVariant.Changed = changed;
        var (build, model) = Time(() => DomainModel.Build("startup", Generated.GeneratedResources.Define));
        var ((wall, cpu), exit) = await TimeAsync(() => AshlarCli.RunAsync(command, model, new CliOptions { MigrationsDirectory = directory }));
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{build.Wall:F1} {build.Cpu:F1} {wall:F1} {cpu:F1}"));
        return exit;
    }

    private static ((double Wall, double Cpu) Times, T Result) Time<T>(Func<T> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = run();
        return ((watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds), result);
    }

    private static async Task<((double Wall, double Cpu) Times, T Result)> TimeAsync<T>(Func<Task<T>> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await run();
        return ((watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds), result);
    }
}
