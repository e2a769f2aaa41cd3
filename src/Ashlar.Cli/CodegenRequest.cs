namespace Ashlar.Cli;

/// <summary>The parsed <c>codegen</c> (or <c>check</c>) command.</summary>
internal sealed record CodegenRequest(string? Name, bool Dev, bool Check, bool DryRun, RenameAnswer Renames, bool AllowDrops);
