using System.Diagnostics.CodeAnalysis;

namespace Ashlar.DataLayer;

/// <summary>The row lock a read plan takes.</summary>
/// <param name="Kind">The lock strength.</param>
/// <param name="Wait">What to do when a row is already locked.</param>
[Experimental(ExtensionSurface.DiagnosticId, Message = ExtensionSurface.Message)]
public sealed record ReadLock(LockKind Kind, LockWait Wait);
