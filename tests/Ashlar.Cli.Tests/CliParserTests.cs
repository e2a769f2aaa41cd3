using System.CommandLine;
using Xunit;

namespace Ashlar.Cli.Tests;

public sealed class CliParserTests
{
    private static async Task<(int Exit, object? Call, string Errors)> RunAsync(params string[] args)
    {
        var handler = new RecordingHandler();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliParser.Build(handler).Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, handler.Calls.SingleOrDefault(), error.ToString());
    }

    [Fact]
    public async Task Codegen_takes_a_name_and_its_flags()
    {
        var (exit, call, _) = await RunAsync("codegen", "add_priority", "--dry-run", "--no-renames");

        Assert.Equal(0, exit);
        Assert.Equal(new CodegenRequest("add_priority", Dev: false, Check: false, DryRun: true, RenameAnswer.No, AllowDrops: false), call);
    }

    [Fact]
    public async Task Codegen_dev_needs_no_name_and_yes_answers_renames()
    {
        var (_, call, _) = await RunAsync("codegen", "--dev", "--yes");

        Assert.Equal(new CodegenRequest(null, Dev: true, Check: false, DryRun: false, RenameAnswer.Yes, AllowDrops: false), call);
    }

    [Fact]
    public async Task Codegen_allow_drops_lets_the_generator_write_drops()
    {
        var (_, call, _) = await RunAsync("codegen", "remove_legacy", "--allow-drops");

        Assert.Equal(new CodegenRequest("remove_legacy", Dev: false, Check: false, DryRun: false, RenameAnswer.Ask, AllowDrops: true), call);
    }

    [Fact]
    public async Task Remove_takes_tenants_force_and_dry_run()
    {
        Assert.Equal(new RemoveRequest(Force: false, DryRun: false, Tenants: false), (await RunAsync("remove")).Call);
        Assert.Equal(new RemoveRequest(Force: true, DryRun: true, Tenants: true), (await RunAsync("remove", "--tenants", "--force", "--dry-run")).Call);
    }

    [Theory]
    [InlineData(new[] { "codegen" }, "Name the migration")]
    [InlineData(new[] { "codegen", "AddPriority" }, "must be snake_case")]
    [InlineData(new[] { "codegen", "x", "--yes", "--no-renames" }, "contradict")]
    [InlineData(new[] { "rollback", "--step", "1", "--to", "20260101000000" }, "alternatives")]
    [InlineData(new[] { "rollback", "--step", "0" }, "1 or more")]
    [InlineData(new[] { "rollback", "--to", "yesterday" }, "takes a migration version")]
    [InlineData(new[] { "migrate", "--lock-timeout", "soon" }, "soon")]
    [InlineData(new[] { "deploy" }, "deploy")]
    public async Task Invalid_command_lines_fail_with_a_message_and_call_nothing(string[] args, string message)
    {
        var (exit, call, errors) = await RunAsync(args);

        Assert.NotEqual(0, exit);
        Assert.Null(call);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_is_codegen_check()
    {
        var (_, call, _) = await RunAsync("check");

        Assert.Equal(new CodegenRequest(null, Dev: false, Check: true, DryRun: false, RenameAnswer.No, AllowDrops: false), call);
    }

    [Fact]
    public async Task Migrate_takes_a_lock_timeout_in_seconds_and_strict()
    {
        var (_, plain, _) = await RunAsync("migrate");
        var (_, tuned, _) = await RunAsync("migrate", "--lock-timeout", "2.5", "--strict");

        Assert.Equal(new MigrateRequest(null, StrictChecksums: false), plain);
        Assert.Equal(new MigrateRequest(TimeSpan.FromSeconds(2.5), StrictChecksums: true), tuned);
    }

    [Fact]
    public async Task Tenants_options_go_with_tenants_only()
    {
        var (code, call, _) = await RunAsync("migrate", "--tenants", "--only", "a, b", "--jobs", "4", "--fail-fast", "--report", "out.json");
        var (statusCode, status, _) = await RunAsync("status", "--tenants", "--except", "c");
        var (refused, _, error) = await RunAsync("migrate", "--jobs", "4");
        var (both, _, _) = await RunAsync("rollback", "--tenants", "--only", "a", "--except", "b");

        Assert.Equal(0, code);
        Assert.Equal(new MigrateRequest(null, false, new TenantRequest(["a", "b"], [], 4, true, "out.json")), call);
        Assert.Equal(0, statusCode);
        Assert.Equal(new TenantRequest([], ["c"], 1, false, null), status);
        Assert.NotEqual(0, refused);
        Assert.Contains("go with --tenants", error, StringComparison.Ordinal);
        Assert.NotEqual(0, both);
    }

    [Fact]
    public async Task Rollback_defaults_to_one_step()
    {
        var (_, call, _) = await RunAsync("rollback");

        Assert.Equal(new RollbackRequest(1, null, null), call);
    }

    [Fact]
    public async Task Rollback_takes_steps_or_a_version()
    {
        var (_, steps, _) = await RunAsync("rollback", "--step", "3");
        var (_, to, _) = await RunAsync("rollback", "--to", "20261127150000");
        var (_, all, _) = await RunAsync("rollback", "--to", "0");

        Assert.Equal(new RollbackRequest(3, null, null), steps);
        Assert.Equal(new RollbackRequest(null, "20261127150000", null), to);
        Assert.Equal(new RollbackRequest(null, "0", null), all);
    }

    [Fact]
    public async Task Status_takes_no_arguments()
    {
        var (exit, call, _) = await RunAsync("status");

        Assert.Equal(0, exit);
        Assert.Equal("status", call);
    }
}
