namespace Ashlar.Resources;

/// <summary>How a tenant resource keeps each tenant's records apart.</summary>
public enum MultitenancyStrategy
{
    /// <summary>Each tenant has its own PostgreSQL schema; the tenant's name is the schema's name.</summary>
    Context,

    /// <summary>Every tenant shares one table; a tenant column says whose each record is.</summary>
    Attribute,
}
