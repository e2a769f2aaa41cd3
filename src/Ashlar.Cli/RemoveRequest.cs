namespace Ashlar.Cli;

/// <summary>
/// The parsed <c>remove</c> command; <see cref="Force"/> removes without a database to check against;
/// <see cref="Tenants"/> removes the newest tenant migration instead of the newest global one.
/// </summary>
internal sealed record RemoveRequest(bool Force, bool DryRun, bool Tenants = false);
