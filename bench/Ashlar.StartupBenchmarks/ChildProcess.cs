using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ashlar.StartupBenchmarks;

/// <summary>Runs this benchmark again as a fresh process, as a user runs a command: start to exit, output captured.</summary>
internal static partial class ChildProcess
{
    /// <summary>
    /// Runs the process and returns its wall time and its CPU time (user + system, all its threads, read from
    /// <c>getrusage(RUSAGE_CHILDREN)</c> once it is reaped): on a shared machine the CPU time moves far less with the
    /// load than the wall time.
    /// </summary>
    public static (double Milliseconds, double CpuMilliseconds, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var cpu = ChildrenCpuMilliseconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        cpu = ChildrenCpuMilliseconds() - cpu;
        var text = output.Result + error.Result;
        return process.ExitCode == 0
            ? (watch.Elapsed.TotalMilliseconds, cpu, text)
            : throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}:\n{text}");
    }

    // The CPU time of every reaped child so far; NaN where getrusage is not available (not Linux/macOS).
    private static double ChildrenCpuMilliseconds()
    {
        const int RusageChildren = -1;

        // struct rusage on 64-bit Linux and macOS: two struct timeval (seconds, microseconds: user, then system) and 14
        // longs not read here.
        var usage = new long[18];
        return (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && GetRusage(RusageChildren, usage) == 0
            ? (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0
            : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
