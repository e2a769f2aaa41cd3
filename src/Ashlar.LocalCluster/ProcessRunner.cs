using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ashlar.LocalCluster;

/// <summary>Runs a program with an argument list (never a shell string) and captures what it prints.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs the program to completion; kills it (and its children) when cancelled.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        using var process = Start(fileName, arguments, workingDirectory, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs the program synchronously, for shutdown paths; kills it after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(
        string fileName, IReadOnlyList<string> arguments, string? workingDirectory, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = Start(fileName, arguments, workingDirectory, output);
        if (!process.WaitForExit(timeout))
        {
            Kill(process);
            return (-1, "timed out");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>The command as a person would type it, for error messages.</summary>
    public static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));

    private static Process Start(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, StringBuilder output)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run `{Describe(fileName, arguments)}`: {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Could not be killed; nothing more to do.
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@+%".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
