using System.Diagnostics;

namespace Ashlar.StartupBenchmarks;

/// <summary>Runs this benchmark again as a fresh process, as a user runs a command: start to exit, output captured.</summary>
internal static class ChildProcess
{
    public static (double Milliseconds, string Output) Run(params string[] args)
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

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        var text = output.Result + error.Result;
        return process.ExitCode == 0
            ? (watch.Elapsed.TotalMilliseconds, text)
            : throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}:\n{text}");
    }
}
