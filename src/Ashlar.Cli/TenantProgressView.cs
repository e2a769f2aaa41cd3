using Ashlar.Postgres.Migrations.Tenants;
using Spectre.Console;

namespace Ashlar.Cli;

/// <summary>A progress bar while tenants run, on a terminal; plain lines (failures and every tenth) when output is redirected.</summary>
internal static class TenantProgressView
{
    public static async Task<TenantRunReport> RunAsync(CliOptions options, int total, Func<IProgress<TenantResult>, Task<TenantRunReport>> run)
    {
        if (ReferenceEquals(options.Output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            TenantRunReport? report = null;
            await AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("tenants", maxValue: Math.Max(total, 1));
                    var failed = 0;
                    report = await run(new Progress(result =>
                    {
                        if (result.Status == TenantStatus.Failed)
                        {
                            Interlocked.Increment(ref failed);
                        }

                        task.Description = failed == 0 ? "tenants" : $"tenants ([red]{failed} failed[/])";
                        task.Increment(1);
                    })).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return report!;
        }

        var done = 0;
        var gate = new Lock();
        return await run(new Progress(result =>
        {
            lock (gate)
            {
                done++;
                if (result.Status == TenantStatus.Failed)
                {
                    options.Output.WriteLine($"  failed {result.Tenant}: {result.Error}");
                }

                if (done == total || done % Math.Max(total / 10, 1) == 0)
                {
                    options.Output.WriteLine($"  {done}/{total} tenants done");
                }
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Reports synchronously on the worker's thread (unlike <see cref="Progress{T}"/>), so nothing is reported after the run ends.</summary>
    private sealed class Progress(Action<TenantResult> report) : IProgress<TenantResult>
    {
        public void Report(TenantResult value) => report(value);
    }
}
