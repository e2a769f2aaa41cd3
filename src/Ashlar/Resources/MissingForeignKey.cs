using Ashlar.Errors;

namespace Ashlar.Resources;

/// <summary>
/// A belongs-to relationship whose key property is missing: the problem reported, and what the domain build needs to
/// complete its fix (the destination's key type) and to mark the problems that follow from it.
/// </summary>
internal sealed record MissingForeignKey(
    DeclarationProblem Problem,
    string Relationship,
    string Key,
    string Property,
    Type Destination,
    string? DestinationAttribute);
