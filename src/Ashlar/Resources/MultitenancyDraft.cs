namespace Ashlar.Resources;

/// <summary>A multitenancy declaration as written, before the attribute it names is resolved.</summary>
internal sealed record MultitenancyDraft(MultitenancyStrategy? Strategy, string? AttributeName, bool Global, int Strategies);
