using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Ashlar.Benchmarks;

/// <summary>
/// A second way to run the read workloads: within each workload the contenders take turns, round after round, in a
/// shuffled order, so slow drift of this shared VM (the same code's time moving by ±30% over minutes) falls on all of
/// them alike. Reports, per contender, the median time per operation over the rounds, the ratio of medians to the
/// baseline, the 10th–90th percentile of the per-round ratios, and managed bytes allocated per operation.
/// The contenders are the <see cref="ReadBenchmarks"/> methods themselves (same code as the BenchmarkDotNet run).
/// </summary>
internal static class PairedRun
{
    public static async Task RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 30);
        var budget = TimeSpan.FromMilliseconds(Option(args, "--round-ms", 150));
        var filter = args.SkipWhile(a => a != "--filter").Skip(1).FirstOrDefault() ?? "";
        var benchmarks = new ReadBenchmarks();
        await benchmarks.Setup();
        var workloads = typeof(ReadBenchmarks).GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>(), Category: m.GetCustomAttribute<BenchmarkCategoryAttribute>()))
            .Where(m => m.Attribute is not null && m.Category is not null && m.Category!.Categories[0].Contains(filter, StringComparison.OrdinalIgnoreCase))
            .GroupBy(m => m.Category!.Categories[0])
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        Console.WriteLine($"Paired run: {rounds} rounds of ~{budget.TotalMilliseconds:0} ms per contender, contenders interleaved in a shuffled order.");
        foreach (var workload in workloads)
        {
            var contenders = workload.Select(m => new Contender(m.Attribute!.Description ?? m.Method.Name, m.Attribute.Baseline,
                (Func<Task>)(() => (Task)m.Method.Invoke(benchmarks, null)!))).ToList();
            Report(workload.Key, contenders, await MeasureAsync(contenders, rounds, budget));
        }
    }

    private static async Task<double[][]> MeasureAsync(List<Contender> contenders, int rounds, TimeSpan budget)
    {
        // Warm up and size a batch so one batch takes about the budget.
        var batch = new int[contenders.Count];
        for (var i = 0; i < contenders.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            var runs = 0;
            while (watch.Elapsed < budget || runs < 3)
            {
                await contenders[i].Run();
                runs++;
            }

            batch[i] = Math.Max(1, runs);
        }

        var times = contenders.Select(_ => new double[rounds]).ToArray();
        var random = new Random(20261127);
        var order = Enumerable.Range(0, contenders.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                for (var op = 0; op < batch[i]; op++)
                {
                    await contenders[i].Run();
                }

                times[i][round] = watch.Elapsed.TotalMicroseconds / batch[i];
                contenders[i].Bytes += GC.GetTotalAllocatedBytes(precise: true) - bytes;
                contenders[i].Operations += batch[i];
            }
        }

        return times;
    }

    private static void Report(string workload, List<Contender> contenders, double[][] times)
    {
        var baseline = Math.Max(0, contenders.FindIndex(c => c.Baseline));
        Console.WriteLine();
        Console.WriteLine($"## {workload}");
        Console.WriteLine("| contender | median µs/op | ratio of medians | per-round ratio p10–p90 | KB allocated/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var baseMedian = Percentile(times[baseline], 0.5);
        for (var i = 0; i < contenders.Count; i++)
        {
            var ratios = times[i].Zip(times[baseline], (a, b) => a / b).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contenders[i].Name} | {Percentile(times[i], 0.5):0.0} | {Percentile(times[i], 0.5) / baseMedian:0.00} | " +
                $"{Percentile(ratios, 0.1):0.00}–{Percentile(ratios, 0.9):0.00} | {contenders[i].Bytes / 1024.0 / contenders[i].Operations:0.0} |"));
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
