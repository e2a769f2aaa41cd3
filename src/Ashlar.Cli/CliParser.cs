using System.CommandLine;
using System.Text.RegularExpressions;

namespace Ashlar.Cli;

/// <summary>The command tree: codegen, check, migrate, rollback, status, remove, database create|drop.</summary>
internal static partial class CliParser
{
    public static RootCommand Build(ICliHandler handler)
    {
        var root = new RootCommand("Ashlar: generate migrations from the resource declarations and apply them.")
        {
            Codegen(handler),
            Check(handler),
            Migrate(handler),
            Rollback(handler),
            Status(handler),
            Remove(handler),
            Database(handler),
        };
        return root;
    }

    private static Command Codegen(ICliHandler handler)
    {
        var name = new Argument<string?>("name") { Description = "The migration's name in snake_case, e.g. add_priority (not needed with --dev or --check).", Arity = ArgumentArity.ZeroOrOne };
        var dev = new Option<bool>("--dev") { Description = "Write a dev migration; the next named codegen rolls back and squashes the dev migrations into one." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the declarations and snapshots disagree or dev migrations remain (for CI)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be written and done, change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Answer yes to every \"Are you renaming …?\" question." };
        var noRenames = new Option<bool>("--no-renames") { Description = "Answer no to every rename question: drop and add instead." };
        var allowDrops = new Option<bool>("--allow-drops")
        {
            Description = "Write drops of tables and columns (their data is lost) without asking. Without it codegen asks on a terminal, "
                + "and without a terminal (CI) it fails listing what would be dropped.",
        };
        var command = new Command("codegen", "Compare the declarations with the snapshots and write a migration for the difference.") { name, dev, check, dryRun, yes, noRenames, allowDrops };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(name);
            if (result.GetValue(yes) && result.GetValue(noRenames))
            {
                result.AddError("--yes and --no-renames contradict each other; pass one.");
            }

            if (given is not null && !SnakeCase().IsMatch(given))
            {
                result.AddError($"The migration name '{given}' must be snake_case: lower-case letters, digits and underscores, starting with a letter.");
            }

            if (given is null && !result.GetValue(dev) && !result.GetValue(check))
            {
                result.AddError("Name the migration (codegen add_priority), or pass --dev for a dev migration, or --check.");
            }
        });
        command.SetAction((parse, ct) => handler.CodegenAsync(
            new CodegenRequest(
                parse.GetValue(name),
                parse.GetValue(dev),
                parse.GetValue(check),
                parse.GetValue(dryRun),
                parse.GetValue(yes) ? RenameAnswer.Yes : parse.GetValue(noRenames) ? RenameAnswer.No : RenameAnswer.Ask,
                parse.GetValue(allowDrops)),
            ct));
        return command;
    }

    private static Command Check(ICliHandler handler)
    {
        var command = new Command("check", "Same as codegen --check: exit 1 when the declarations and snapshots disagree or dev migrations remain.");
        command.SetAction((_, ct) => handler.CodegenAsync(new CodegenRequest(null, Dev: false, Check: true, DryRun: false, RenameAnswer.No, AllowDrops: false), ct));
        return command;
    }

    private static Command Migrate(ICliHandler handler)
    {
        var lockTimeout = LockTimeout();
        var strict = new Option<bool>("--strict") { Description = "Fail, instead of warning, when an applied migration's file changed since it was applied." };
        var command = new Command("migrate", "Apply every pending migration, each in its own transaction, under a lock that serializes deployers.") { lockTimeout, strict };
        var tenants = TenantOptions.AddTo(command);
        command.SetAction((parse, ct) => handler.MigrateAsync(new MigrateRequest(Seconds(parse.GetValue(lockTimeout)), parse.GetValue(strict), tenants.Read(parse)), ct));
        return command;
    }

    private static Command Rollback(ICliHandler handler)
    {
        var step = new Option<int?>("--step", "-n") { Description = "How many of the newest applied migrations to roll back (1 when neither --step nor --to is given)." };
        var to = new Option<string?>("--to") { Description = "Roll back every migration newer than this version (it stays applied); 0 rolls back all." };
        var lockTimeout = LockTimeout();
        var command = new Command("rollback", "Run the down part of the newest applied migrations.") { step, to, lockTimeout };
        var tenants = TenantOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(step) is not null && result.GetValue(to) is not null)
            {
                result.AddError("--step and --to are alternatives; pass one.");
            }

            if (result.GetValue(step) is < 1)
            {
                result.AddError("--step must be 1 or more.");
            }

            if (result.GetValue(to) is { } version && version != "0" && !Version().IsMatch(version))
            {
                result.AddError($"--to takes a migration version (yyyyMMddHHmmss, as listed by status) or 0, not '{version}'.");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var target = parse.GetValue(to);
            return handler.RollbackAsync(new RollbackRequest(target is null ? parse.GetValue(step) ?? 1 : null, target, Seconds(parse.GetValue(lockTimeout)), tenants.Read(parse)), ct);
        });
        return command;
    }

    private static Command Status(ICliHandler handler)
    {
        var command = new Command("status", "List the migrations: applied (when), pending, changed since applied, or applied without a file.");
        var tenants = TenantOptions.AddTo(command);
        command.SetAction((parse, ct) => handler.StatusAsync(tenants.Read(parse), ct));
        return command;
    }

    private static Command Remove(ICliHandler handler)
    {
        var force = new Option<bool>("--force") { Description = "Remove without a database to check against (no connection string configured)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed, remove nothing." };
        var tenants = new Option<bool>("--tenants")
        {
            Description = "Remove the newest tenant migration (Migrations/<repo>/tenants) and its tenant snapshots instead; refused when any tenant applied it (they are listed).",
        };
        var command = new Command(
            "remove",
            "Delete the newest migration (with the other migrations of the same codegen run) and its snapshots, so the next codegen " +
            "generates it anew. Refused when the database applied it: roll back first.")
        { force, dryRun, tenants };
        command.SetAction((parse, ct) => handler.RemoveAsync(new RemoveRequest(parse.GetValue(force), parse.GetValue(dryRun), parse.GetValue(tenants)), ct));
        return command;
    }

    private static Command Database(ICliHandler handler)
    {
        var create = new Command("create", "Create the database the connection string names (connecting to the server's postgres database); nothing when it exists.");
        create.SetAction((_, ct) => handler.DatabaseAsync(new DatabaseRequest(Create: true), ct));
        var yes = new Option<bool>("--yes", "-y") { Description = "Drop without asking (needed without a terminal)." };
        var force = new Option<bool>("--force") { Description = "End the other sessions connected to the database first (DROP DATABASE … WITH (FORCE))." };
        var drop = new Command("drop", "Drop the database the connection string names, with every table and row in it.") { yes, force };
        drop.SetAction((parse, ct) => handler.DatabaseAsync(new DatabaseRequest(Create: false, parse.GetValue(yes), parse.GetValue(force)), ct));
        return new Command("database", "Create or drop the application's database.") { create, drop };
    }

    private static Option<double?> LockTimeout() =>
        new("--lock-timeout") { Description = "Seconds to wait for another deployer's migration lock before failing (900 unless the application set another)." };

    private static TimeSpan? Seconds(double? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[0-9]{14}$")]
    private static partial Regex Version();
}
