namespace Ashlar.Cli;

/// <summary>The command cannot go on without something from the user; the message says what.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
