namespace Ashlar.Expressions.Linq;

/// <summary>Where a read action's filter template reads an argument; filled per call with the argument's value.</summary>
internal sealed record ArgumentSlot(string Name);
