using Xunit;

namespace Ashlar.Docs.Tests;

public sealed class DocSnippetTests
{
    public static TheoryData<string> Pages => [.. DocPages.All.Select(p => p.Path)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_of_the_page_compiles(string path)
    {
        var page = DocPages.All.Single(p => p.Path == path);
        var snippets = DocSnippet.Extract(path, File.ReadAllText(Path.Combine(DocPages.Root, path)));
        Assert.NotEmpty(snippets);

        var errors = SnippetCompiler.Errors(page, snippets);

        Assert.True(errors.Count == 0, $"{errors.Count} errors in {path}:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Every_page_with_csharp_blocks_is_compiled()
    {
        var pages = Directory.GetFiles(Path.Combine(DocPages.Root, "docs"), "*.md")
            .Select(f => "docs/" + Path.GetFileName(f))
            .Append("README.md")
            .Where(p => DocSnippet.Extract(p, File.ReadAllText(Path.Combine(DocPages.Root, p))).Count > 0)
            .Order(StringComparer.Ordinal);

        Assert.Equal(pages, DocPages.All.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_block_calling_an_api_that_does_not_exist_fails_at_its_line()
    {
        const string markdown = "Text.\n\n```csharp\nvar ticket = await helpdesk.CreateAsync<Ticket>(new { subject = \"x\" });\nawait helpdesk.SaveChangesAsync();\n```\n";
        var page = DocPages.All.Single(p => p.Path == "README.md");

        var errors = SnippetCompiler.Errors(page, DocSnippet.Extract("bad.md", markdown));

        var error = Assert.Single(errors);
        Assert.StartsWith("bad.md(5,16): error CS1061:", error, StringComparison.Ordinal);
        Assert.Contains("SaveChangesAsync", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_missing_its_using_line_fails()
    {
        const string markdown = "```csharp\nvar migrations = await MigrationDirectory.LoadAsync(\"Migrations\");\n```\n";
        var page = DocPages.All.Single(p => p.Path == "README.md");

        var errors = SnippetCompiler.Errors(page, DocSnippet.Extract("bad.md", markdown));

        Assert.Contains(errors, e => e.StartsWith("bad.md(2,24): error CS0103:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_with_a_syntax_error_fails()
    {
        const string markdown = "```csharp define=Ticket\nr.Attribute(t => t.Subject, a => a.MinLength(3)\n```\n";
        var page = DocPages.All.Single(p => p.Path == "README.md");

        var errors = SnippetCompiler.Errors(page, DocSnippet.Extract("bad.md", markdown));

        Assert.Contains(errors, e => e.StartsWith("bad.md(2,", StringComparison.Ordinal));
    }
}
