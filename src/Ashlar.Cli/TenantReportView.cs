using Ashlar.Postgres.Migrations.Tenants;
using Spectre.Console;

namespace Ashlar.Cli;

/// <summary>The per-tenant report at the end of a tenant run: a table of every tenant not up to date (all of them up to 50), then the totals.</summary>
internal static class TenantReportView
{
    public static async Task WriteAsync(CliOptions options, string repo, TenantRunReport report)
    {
        var rows = report.Tenants.Count <= 50 ? report.Tenants : report.Tenants.Where(t => t.Status != TenantStatus.UpToDate).ToList();
        if (ReferenceEquals(options.Output, Console.Out) && !Console.IsOutputRedirected)
        {
            var table = new Table().AddColumns("tenant", "from", "to", "status", "ms", "error");
            foreach (var t in rows)
            {
                var status = TenantRunReport.StatusName(t.Status);
                table.AddRow(Markup.Escape(t.Tenant), t.FromVersion ?? "-", t.ToVersion ?? "-",
                    t.Status is TenantStatus.Failed or TenantStatus.Skipped ? $"[red]{status}[/]" : status, t.Milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(t.Error ?? ""));
            }

            if (rows.Count > 0)
            {
                AnsiConsole.Write(table);
            }
        }
        else
        {
            foreach (var t in rows)
            {
                await options.Output.WriteLineAsync(
                    $"  {t.Tenant,-24} {t.FromVersion ?? "-",-14} -> {t.ToVersion ?? "-",-14} {TenantRunReport.StatusName(t.Status),-10} {t.Milliseconds,7} ms  {t.Error}".TrimEnd()).ConfigureAwait(false);
            }
        }

        await options.Output.WriteLineAsync($"{repo}: {report.Summary}").ConfigureAwait(false);
    }
}
