using Ashlar.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

if (args.Contains("--tenants"))
{
    await Ashlar.Benchmarks.Tenancy.TenantRun.RunAsync(args);
    return;
}

if (args.Contains("--writes"))
{
    await Ashlar.Benchmarks.Writes.WriteBench.RunAsync(args);
    return;
}

if (args.Contains("--paired"))
{
    await PairedRun.RunAsync(args);
    return;
}

// A short in-process job: one cluster and one seeding for the whole run, a few minutes on 2 cores.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(8)
        .WithIterationTime(TimeInterval.FromMilliseconds(300)))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(ReadBenchmarks).Assembly).Run(args, config);
