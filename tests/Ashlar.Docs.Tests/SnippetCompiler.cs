using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ashlar.Docs.Tests;

/// <summary>
/// Compiles the ```csharp blocks of one page in one compilation against the real assemblies. A block is a file: its
/// <c>using</c> lines and type declarations stay as written; its statements become the body of an async method of a
/// class deriving from the page's context; the types a page's blocks declare are visible to all its blocks (<see cref="DocPages"/>), which declares the names the page uses without
/// declaring them. Diagnostics point at the page's own lines.
/// </summary>
public static class SnippetCompiler
{
    // The implicit usings of a project made by `dotnet new web`: what a reader's own project already has.
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>The errors of the page's blocks, each as "page(line,column): error CSxxxx: message".</summary>
    public static IReadOnlyList<string> Errors(DocPage page, IReadOnlyList<DocSnippet> snippets)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(GlobalUsings(page), ParseOptions, path: "GlobalUsings.g.cs") };
        var dump = Environment.GetEnvironmentVariable("ASHLAR_DOCS_DUMP");
        for (var i = 0; i < snippets.Count; i++)
        {
            var source = Wrap(page, snippets[i], i + 1);
            if (!string.IsNullOrEmpty(dump))
            {
                // ASHLAR_DOCS_DUMP=<folder> writes the generated files there, to see what a block became.
                Directory.CreateDirectory(dump);
                File.WriteAllText(Path.Combine(dump, $"{snippets[i].Page.Replace('/', '_')}.block{i + 1}.g.cs"), source);
            }

            trees.Add(CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"{snippets[i].Page}.block{i + 1}.g.cs"));
        }

        var compilation = CSharpCompilation.Create(
            "DocSnippets_" + Path.GetFileNameWithoutExtension(page.Path).Replace('-', '_'),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return
        [
            .. compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d =>
                {
                    var span = d.Location.GetMappedLineSpan();
                    return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
                }),
        ];
    }

    private static string GlobalUsings(DocPage page)
    {
        var text = new StringBuilder();
        foreach (var name in ImplicitUsings.Concat(page.ModelNamespaces))
        {
            text.Append("global using ").Append(name).AppendLine(";");
        }

        return text.ToString();
    }

    private static string Wrap(DocPage page, DocSnippet snippet, int number)
    {
        var tree = CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (root.Members.Any(m => m is BaseNamespaceDeclarationSyntax))
        {
            // A whole file with its own namespace is compiled as it is.
            return Mapped(snippet, tree, root);
        }

        var text = new StringBuilder();
        foreach (var node in root.Externs.Cast<SyntaxNode>().Concat(root.Usings))
        {
            text.Append(Mapped(snippet, tree, node));
        }

        text.AppendLine("namespace DocSnippets").AppendLine("{");
        foreach (var member in root.Members.Where(m => m is not (GlobalStatementSyntax or MethodDeclarationSyntax or FieldDeclarationSyntax or PropertyDeclarationSyntax)))
        {
            text.Append(Mapped(snippet, tree, member));
        }

        // Statements run in a method of the class; methods and fields written at the top level are its members.
        // (`public static void Define(...)` at the top level parses as a local function with an access modifier.)
        var statements = root.Members.OfType<GlobalStatementSyntax>().Where(s => !IsMethod(s)).ToList();
        var members = root.Members.Where(m => m is MethodDeclarationSyntax or FieldDeclarationSyntax or PropertyDeclarationSyntax
            || (m is GlobalStatementSyntax s && IsMethod(s))).ToList();
        if (statements.Count > 0 || members.Count > 0)
        {
            var context = snippet.DefinedResource is { } resource ? $"{page.Context}<{resource}>" : page.Context;
            text.AppendLine($"#line hidden").AppendLine($"internal sealed class Block{number} : global::Ashlar.Docs.Tests.Pages.{context}").AppendLine("{");
            foreach (var member in members)
            {
                text.Append(Mapped(snippet, tree, member));
            }

            text.AppendLine("#line hidden").AppendLine("public async global::System.Threading.Tasks.Task<object?> RunAsync()").AppendLine("{");
            foreach (var statement in statements)
            {
                text.Append(Mapped(snippet, tree, statement));
            }

            text.AppendLine("#line hidden").AppendLine("await global::System.Threading.Tasks.Task.CompletedTask;").AppendLine("return null;").AppendLine("}").AppendLine("}");
        }

        // Text after the last member (a trailing comment) is kept so that an unfinished construct still fails.
        if (root.EndOfFileToken.LeadingTrivia.Count > 0 || root.EndOfFileToken.HasLeadingTrivia)
        {
            text.Append(Mapped(snippet, tree, root.EndOfFileToken));
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static bool IsMethod(GlobalStatementSyntax statement) =>
        statement.Statement is LocalFunctionStatementSyntax function
        && function.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)
            || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword));

    private static string Mapped(DocSnippet snippet, SyntaxTree tree, SyntaxNodeOrToken node)
    {
        var line = tree.GetLineSpan(node.FullSpan).StartLinePosition.Line + snippet.Line;
        return $"#line {line} \"{snippet.Page}\"\n{node.ToFullString()}\n";
    }
}
