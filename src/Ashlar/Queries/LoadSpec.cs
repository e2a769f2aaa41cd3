using Ashlar.DataLayer;
using Ashlar.Domains;
using Ashlar.Resources;

namespace Ashlar.Queries;

/// <summary>One relationship to load, as declared: the navigation property and how to plan its own query.</summary>
internal sealed record LoadSpec(string Property, Func<Domain, ResourceDefinition, ReadPlan>? Plan);
