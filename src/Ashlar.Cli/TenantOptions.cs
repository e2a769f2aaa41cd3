using System.CommandLine;

namespace Ashlar.Cli;

/// <summary>The options <c>--tenants</c>, <c>--only</c>, <c>--except</c>, <c>--jobs</c>, <c>--fail-fast</c> and <c>--report</c> of one command.</summary>
internal sealed class TenantOptions
{
    private readonly Option<bool> _tenants = new("--tenants") { Description = "Work on the tenant migrations of every tenant (the repo's AllTenants) instead of the global ones." };
    private readonly Option<string?> _only = new("--only") { Description = "With --tenants: only these tenants, comma-separated." };
    private readonly Option<string?> _except = new("--except") { Description = "With --tenants: every tenant but these, comma-separated." };
    private readonly Option<int?> _jobs = new("--jobs", "-j") { Description = "With --tenants: how many tenants run at once, each on its own connection (1 when not given)." };
    private readonly Option<bool> _failFast = new("--fail-fast") { Description = "With --tenants: stop taking tenants after the first failure (the rest are reported as skipped)." };
    private readonly Option<string?> _report = new("--report") { Description = "With --tenants: write the per-tenant report as JSON to this file." };

    public static TenantOptions AddTo(Command command)
    {
        var options = new TenantOptions();
        command.Options.Add(options._tenants);
        command.Options.Add(options._only);
        command.Options.Add(options._except);
        command.Options.Add(options._jobs);
        command.Options.Add(options._failFast);
        command.Options.Add(options._report);
        command.Validators.Add(result =>
        {
            var tenants = result.GetValue(options._tenants);
            if (!tenants && (result.GetValue(options._only) is not null || result.GetValue(options._except) is not null || result.GetValue(options._failFast)
                || result.GetValue(options._report) is not null || result.GetValue(options._jobs) is not null))
            {
                result.AddError("--only, --except, --jobs, --fail-fast and --report go with --tenants.");
            }

            if (result.GetValue(options._only) is not null && result.GetValue(options._except) is not null)
            {
                result.AddError("--only and --except are alternatives; pass one.");
            }

            if (result.GetValue(options._jobs) is < 1 or > 256)
            {
                result.AddError("--jobs takes 1 to 256.");
            }
        });
        return options;
    }

    public TenantRequest? Read(ParseResult parse) => parse.GetValue(_tenants)
        ? new TenantRequest(List(parse.GetValue(_only)), List(parse.GetValue(_except)), parse.GetValue(_jobs) ?? 1, parse.GetValue(_failFast), parse.GetValue(_report))
        : null;

    private static List<string> List(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
