using System.CommandLine;
using System.Reflection;
using Ashlar.Domains;

namespace Ashlar.Cli;

/// <summary>
/// The Ashlar command line, run from the application's own <c>Main</c> so it sees the application's declarations:
/// <code>
/// if (args.Length > 0)
/// {
///     return await AshlarCli.RunAsync(args, model, new CliOptions { ConnectionString = Environment.GetEnvironmentVariable("APP_DATABASE") });
/// }
/// </code>
/// then <c>dotnet run -- codegen add_priority</c>, <c>dotnet run -- migrate</c>, <c>rollback --step 1</c>,
/// <c>status</c>, <c>check</c>, <c>remove</c>, <c>database create</c>, <c>database drop</c>; <c>--help</c> on each.
/// A relative migrations folder is found from the project or application folder, not the current directory (see
/// <see cref="CliOptions.ContentRoot"/>), and codegen asks its questions on the console when it is a terminal.
/// </summary>
public static class AshlarCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The command line, e.g. <c>["migrate"]</c>.</param>
    /// <param name="domain">The application's domain: its resources' repos say which migrations exist.</param>
    /// <param name="options">The connection string, migrations folder and output.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C).</param>
    /// <returns>The exit code: 0 on success, 1 on an error or, for <c>check</c>, on differences.</returns>
    public static async Task<int> RunAsync(string[] args, DomainModel domain, CliOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(options);
        options = Resolve(options, Assembly.GetEntryAssembly());
        var root = CliParser.Build(new CliHandler(domain, options));
        var invocation = new InvocationConfiguration { Output = options.Output, Error = options.Error };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The options with the migrations folder made absolute and the console as input when it is a terminal.</summary>
    internal static CliOptions Resolve(CliOptions options, Assembly? entryAssembly) => options with
    {
        MigrationsDirectory = CliPaths.MigrationsDirectory(options, entryAssembly),
        Input = options.NonInteractive ? null
            : options.Input ?? (ReferenceEquals(options.Output, Console.Out) && !Console.IsInputRedirected && !Console.IsOutputRedirected ? Console.In : null),
    };
}
