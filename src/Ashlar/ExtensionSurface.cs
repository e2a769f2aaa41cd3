namespace Ashlar;

/// <summary>The diagnostic that marks the data-layer contract and expression nodes as experimental until they are stable.</summary>
internal static class ExtensionSurface
{
    public const string DiagnosticId = "ASHLAR001";

    public const string Message =
        "The data-layer contract (IDataLayer, plans) and expression nodes may change in any release until they are declared stable; " +
        "suppress ASHLAR001 to implement a data layer or inspect expressions anyway.";
}
