using System.Globalization;
using Ashlar.Cli;
using Ashlar.Domains;
using Ashlar.StartupBenchmarks;

// How long does an app with 500 resources take to start, and its codegen and check commands to run?
// No arguments: the whole benchmark (it runs itself as child processes in the modes below).
return args switch
{
    ["noop"] => 0,
    ["build"] => BuildTimes.Run(),
    ["shape"] => BuildTimes.RunShape(),
    ["build-split"] => BuildTimes.RunSplit(),
    ["reflection"] => BuildTimes.RunReflection(),
    ["build-times", var count] => BuildTimes.Repeat(int.Parse(count, CultureInfo.InvariantCulture)),
    ["cli", var directory, var variant, .. var command] => await RunCliAsync(directory, variant == "changed", command),
    ["phases", var directory, var variant, .. var command] => await PhaseTimes.RunAsync(directory, variant == "changed", command),
    ["--runs", var runs] => StartupRun.Run(int.Parse(runs, CultureInfo.InvariantCulture)),
    _ => StartupRun.Run(runs: 5),
};

// The app's own Main, as a user writes it: build the domain, then hand the command line to Ashlar.
static async Task<int> RunCliAsync(string directory, bool changed, string[] command)
{
    StartupVariant.Changed = changed;
    var model = DomainModel.Build("startup", Ashlar.StartupBenchmarks.Generated.GeneratedResources.Define);
    return await AshlarCli.RunAsync(command, model, new CliOptions { MigrationsDirectory = directory });
}
