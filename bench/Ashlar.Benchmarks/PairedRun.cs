using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Ashlar.Benchmarks;

/// <summary>
/// A second way to run the read workloads, built for this noisy shared VM: within each workload the contenders take
/// turns one operation at a time, in a freshly shuffled order every round, so drift of the machine (the same code's
/// time moving by ±30% over minutes, or seconds) falls on all of them alike. Reports, per contender, the median time
/// per operation, the ratio of medians to the baseline, the interquartile range of the per-round ratios, and managed
/// bytes allocated per operation (measured in a separate pass). The contenders are the <see cref="ReadBenchmarks"/>
/// methods themselves (the same code as the BenchmarkDotNet run).
/// </summary>
internal static class PairedRun
{
    public static async Task RunAsync(string[] args)
    {
        var budget = TimeSpan.FromSeconds(Option(args, "--seconds", 8));
        var filter = args.SkipWhile(a => a != "--filter").Skip(1).FirstOrDefault() ?? "";
        var benchmarks = new ReadBenchmarks();
        await benchmarks.Setup();
        var workloads = typeof(ReadBenchmarks).GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>(), Category: m.GetCustomAttribute<BenchmarkCategoryAttribute>()))
            .Where(m => m.Attribute is not null && m.Category is not null && m.Category.Categories[0].Contains(filter, StringComparison.OrdinalIgnoreCase))
            .GroupBy(m => m.Category!.Categories[0])
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        Console.WriteLine($"Paired run: per workload ~{budget.TotalSeconds:0} s of rounds; each round runs every contender once, in a shuffled order.");
        foreach (var workload in workloads)
        {
            var contenders = workload.Select(m => new Contender(m.Attribute!.Description ?? m.Method.Name, m.Attribute.Baseline,
                (Func<Task>)(() => (Task)m.Method.Invoke(benchmarks, null)!))).ToList();
            var times = await MeasureAsync(contenders, budget);
            await MeasureAllocationsAsync(contenders);
            Report(workload.Key, contenders, times);
        }
    }

    private static async Task<double[][]> MeasureAsync(List<Contender> contenders, TimeSpan budget)
    {
        foreach (var contender in contenders)
        {
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < TimeSpan.FromMilliseconds(300))
            {
                await contender.Run();
            }
        }

        var times = contenders.Select(_ => new List<double>()).ToArray();
        var random = new Random(20261127);
        var order = Enumerable.Range(0, contenders.Count).ToArray();
        var total = Stopwatch.StartNew();
        var watch = new Stopwatch();
        while (total.Elapsed < budget || times[0].Count < 30)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                watch.Restart();
                await contenders[i].Run();
                times[i].Add(watch.Elapsed.TotalMicroseconds);
            }
        }

        return times.Select(t => t.ToArray()).ToArray();
    }

    private static async Task MeasureAllocationsAsync(List<Contender> contenders)
    {
        const int Operations = 200;
        foreach (var contender in contenders)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            for (var op = 0; op < Operations; op++)
            {
                await contender.Run();
            }

            contender.Bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            contender.Operations = Operations;
        }
    }

    private static void Report(string workload, List<Contender> contenders, double[][] times)
    {
        var baseline = Math.Max(0, contenders.FindIndex(c => c.Baseline));
        Console.WriteLine();
        Console.WriteLine($"## {workload}");
        Console.WriteLine($"| contender | median µs/op | ratio of medians | per-round ratio p25–p75 | KB allocated/op |   ({times[0].Length} rounds)");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var baseMedian = Percentile(times[baseline], 0.5);
        for (var i = 0; i < contenders.Count; i++)
        {
            var ratios = times[i].Zip(times[baseline], (a, b) => a / b).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contenders[i].Name} | {Percentile(times[i], 0.5):0.0} | {Percentile(times[i], 0.5) / baseMedian:0.00} | " +
                $"{Percentile(ratios, 0.25):0.00}–{Percentile(ratios, 0.75):0.00} | {contenders[i].Bytes / 1024.0 / contenders[i].Operations:0.0} |"));
        }
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed class Contender(string name, bool baseline, Func<Task> run)
    {
        public string Name => name;

        public bool Baseline => baseline;

        public Func<Task> Run => run;

        public long Bytes { get; set; }

        public long Operations { get; set; }
    }
}
