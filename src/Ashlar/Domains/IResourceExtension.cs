using Ashlar.Errors;
using Ashlar.Resources;

namespace Ashlar.Domains;

/// <summary>
/// Implemented by a data layer's per-resource options (e.g. the Postgres section) so that they are validated
/// with the rest of the domain when it is built.
/// </summary>
public interface IResourceExtension
{
    /// <summary>Returns every problem in these options, given the built resource and domain.</summary>
    IEnumerable<DeclarationProblem> Validate(ResourceDefinition resource, DomainModel domain);
}
