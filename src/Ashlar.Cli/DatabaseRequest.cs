namespace Ashlar.Cli;

/// <summary>The parsed <c>database create</c> or <c>database drop</c> command.</summary>
internal sealed record DatabaseRequest(bool Create, bool Yes = false, bool Force = false);
