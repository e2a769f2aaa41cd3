namespace Ashlar.Docs.Tests;

/// <summary>A documentation page with C# blocks: its path from the repository root, its context class (in
/// <c>Pages/</c>) and the namespaces of the types its blocks name without declaring (the reader's own).</summary>
public sealed record DocPage(string Path, string Context, params string[] ModelNamespaces)
{
    /// <inheritdoc/>
    public override string ToString() => Path;
}
