using System.Globalization;

namespace Ashlar.StartupBenchmarks;

/// <summary>
/// The benchmark: each figure is the median of <c>runs</c> fresh processes — <see cref="BuildTimes"/> for the domain
/// build, and the Ashlar command line (codegen, check) of an app with the generated resources as whole processes.
/// </summary>
internal static class StartupRun
{
    public static int Run(int runs)
    {
        Console.WriteLine($"Start-up with {Generated.GeneratedResources.Count} generated resources, median of {runs} fresh processes");
        Report("process start alone (no domain build)", Medians(runs, () => Whole(ChildProcess.Run("noop"))));

        var builds = Enumerable.Range(0, runs).Select(_ => ChildProcess.Run("build").Output.Split(' ').Select(Parse).ToArray()).ToList();
        Report("DomainModel.Build, cold (first in the process)", Median(builds.Select(b => b[0])), Median(builds.Select(b => b[2])));
        Report("DomainModel.Build, warm (median of 5 more)", Median(builds.Select(b => b[1])), Median(builds.Select(b => b[3])));
        Report($"  of the cold build: JIT ({Median(builds.Select(b => b[5])):F0} methods)", Median(builds.Select(b => b[4])));
        var shapes = Enumerable.Range(0, runs).Select(_ => ChildProcess.Run("shape").Output.Split(' ').Select(Parse).ToArray()).ToList();
        Report("the same declarations, API shape alone, cold", Median(shapes.Select(b => b[0])), Median(shapes.Select(b => b[2])));
        Report("the same declarations, API shape alone, warm", Median(shapes.Select(b => b[1])), Median(shapes.Select(b => b[3])));

        var root = Directory.CreateTempSubdirectory("ashlar-startup-bench-").FullName;
        try
        {
            var baseline = "";
            Report("`codegen initial` (creates every table)", Medians(runs, () =>
            {
                baseline = Directory.CreateDirectory(Path.Combine(root, Path.GetRandomFileName())).FullName;
                return Cli(baseline, changed: false, "codegen", "initial");
            }));
            Report("`codegen again` with no change", Medians(runs, () => Cli(baseline, changed: false, "codegen", "again")));
            Report("`check` with no change", Medians(runs, () => Cli(baseline, changed: false, "check")));
            Report("`codegen change` (a change to every table)", Medians(runs, () =>
            {
                var copy = Directory.CreateDirectory(Path.Combine(root, Path.GetRandomFileName())).FullName;
                CopyDirectory(baseline, copy);
                return Cli(copy, changed: true, "codegen", "change");
            }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static (double Wall, double Cpu) Cli(string directory, bool changed, params string[] command) =>
        Whole(ChildProcess.Run(["cli", directory, changed ? "changed" : "same", .. command]));

    private static (double Wall, double Cpu) Whole((double Milliseconds, double CpuMilliseconds, string Output) run) =>
        (run.Milliseconds, run.CpuMilliseconds);

    // Each figure's median, wall and CPU taken separately.
    private static (double Wall, double Cpu) Medians(int runs, Func<(double Wall, double Cpu)> run)
    {
        var times = Enumerable.Range(0, runs).Select(_ => run()).ToList();
        return (Median(times.Select(t => t.Wall)), Median(times.Select(t => t.Cpu)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static void Report(string what, (double Wall, double Cpu) times) => Report(what, times.Wall, times.Cpu);

    private static void Report(string what, double milliseconds, double? cpu = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-52} {milliseconds,8:F0} ms{(cpu is null ? "" : $"  (CPU {cpu:F0} ms)")}"));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
