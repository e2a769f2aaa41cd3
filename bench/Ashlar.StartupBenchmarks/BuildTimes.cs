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

    /// <summary>
    /// Where a cold build's time goes (<c>build-split</c>): a first build of one resource (what Ashlar costs once per
    /// process), then the whole domain split into its <c>Define</c> phase (the resources' declarations running against
    /// the builder) and the rest (relationships, definitions, rules), then the same split warm. Prints wall milliseconds:
    /// one, cold define, cold rest, warm define, warm rest.
    /// </summary>
    public static int RunSplit()
    {
        var watch = Stopwatch.StartNew();
        DomainModel.Build("one", Generated.GeneratedResources.DefineFirst);
        var one = watch.Elapsed.TotalMilliseconds;
        var (coldDefine, coldRest) = Split();
        var (warmDefine, warmRest) = Split();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{one:F1} {coldDefine:F1} {coldRest:F1} {warmDefine:F1} {warmRest:F1}"));
        return 0;
    }

    /// <summary>
    /// What reading the 500 classes' properties by reflection costs when the classes are new to the process
    /// (<c>reflection</c>): <c>GetProperties</c>, then the nullability of the reference-typed ones — the metadata a
    /// build reads. Uses the API-shape classes, which no build has touched. Prints wall milliseconds: both.
    /// </summary>
    public static int RunReflection()
    {
        var types = Generated.GeneratedShapes.Types();
        var watch = Stopwatch.StartNew();
        var properties = types.Select(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)).ToList();
        var read = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var context = new System.Reflection.NullabilityInfoContext();
        var nullable = properties.SelectMany(p => p).Count(p => !p.PropertyType.IsValueType && context.Create(p).WriteState != System.Reflection.NullabilityState.NotNull);
        var nullability = watch.Elapsed.TotalMilliseconds;
        return types.Length == Generated.GeneratedShapes.Count && nullable > 0
            ? Print(string.Create(CultureInfo.InvariantCulture, $"{read:F1} {nullability:F1}"))
            : throw new InvalidOperationException($"Found {types.Length} shape classes and {nullable} nullable properties.");
    }

    private static int Print(string line)
    {
        Console.WriteLine(line);
        return 0;
    }

    private static (double Define, double After) Split()
    {
        double define = 0;
        var watch = Stopwatch.StartNew();
        DomainModel.Build("startup", d =>
        {
            var inner = Stopwatch.StartNew();
            Generated.GeneratedResources.Define(d);
            define = inner.Elapsed.TotalMilliseconds;
        });
        return (define, watch.Elapsed.TotalMilliseconds - define);
    }

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
