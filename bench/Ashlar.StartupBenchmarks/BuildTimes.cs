using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Ashlar.Domains;

namespace Ashlar.StartupBenchmarks;

/// <summary>
/// Times <see cref="DomainModel.Build"/> in this process: the first build (cold), then the median of the next ones
/// (warm). Prints wall and CPU milliseconds: cold wall, warm wall, cold CPU, warm CPU; then, for the cold build, the
/// JIT's compilation time in milliseconds and the number of methods it compiled.
/// </summary>
internal static class BuildTimes
{
    private const int WarmBuilds = 5;

    public static int Run() => Report(Time);

    /// <summary>
    /// The same figures for the same declarations written against the API's shape with nothing behind it
    /// (<c>shape</c> mode): what the declarations alone cost the runtime — their generic types, delegates and lambda
    /// classes — before Ashlar does any work.
    /// </summary>
    public static int RunShape() => Report(TimeShape);

    private static int Report(Func<(double Wall, double Cpu)> time)
    {
        var (jitTime, jitMethods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
        var cold = time();
        (jitTime, jitMethods) = (JitInfo.GetCompilationTime() - jitTime, JitInfo.GetCompiledMethodCount() - jitMethods);
        var warm = Enumerable.Range(0, WarmBuilds).Select(_ => time()).OrderBy(t => t.Wall).ElementAt(WarmBuilds / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cold.Wall:F1} {warm.Wall:F1} {cold.Cpu:F1} {warm.Cpu:F1} {jitTime.TotalMilliseconds:F1} {jitMethods}"));
        return 0;
    }

    /// <summary>
    /// Builds the domain <paramref name="count"/> times and prints, for each build, its CPU milliseconds, the bytes it
    /// allocated, the GC pauses and collections during it (<c>build-times N</c>, for profiling).
    /// </summary>
    public static int Repeat(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (gen0, gen1, gen2, bytes) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetAllocatedBytesForCurrentThread());
            var pause = GC.GetTotalPauseDuration();
            var cpu = Time().Cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cpu:F1} ms CPU, {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6:F1} MB allocated, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F1} ms paused, GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
        }

        return 0;
    }

    private static (double Wall, double Cpu) Time() =>
        Measure(() => DomainModel.Build("startup", Generated.GeneratedResources.Define).Resources.Count);

    private static (double Wall, double Cpu) TimeShape() => Measure(() =>
    {
        var domain = new ApiShape.ShapeDomain();
        Generated.GeneratedShapes.Define(domain);
        return domain.Resources.Count;
    });

    // Wall time, and the process's CPU time (all threads, so background JIT too): on a shared machine the second
    // moves less with the load.
    private static (double Wall, double Cpu) Measure(Func<int> build)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var built = build();
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return built == Generated.GeneratedResources.Count
            ? (watch.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds)
            : throw new InvalidOperationException($"Built {built} resources, expected {Generated.GeneratedResources.Count}.");
    }
}
