namespace Ashlar.Queries;

/// <summary>One relationship to load, as declared: the navigation property and the related records' own query, if any.</summary>
internal sealed record LoadSpec(string Property, IReadQuery? Query);
