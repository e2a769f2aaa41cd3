namespace Ashlar.Cli;

/// <summary>The parsed <c>remove</c> command; <see cref="Force"/> removes without a database to check against.</summary>
internal sealed record RemoveRequest(bool Force, bool DryRun);
