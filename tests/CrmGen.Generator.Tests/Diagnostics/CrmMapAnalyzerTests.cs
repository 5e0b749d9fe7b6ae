using System.Collections.Immutable;
using System.Globalization;
using CrmGen.Generator.Analysis;
using CrmGen.Generator.Diagnostics;
using CrmGen.Generator.Tests.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>The analyzer reports through a real <see cref="CompilationWithAnalyzers"/>, with .crmmap additional files.</summary>
public class CrmMapAnalyzerTests
{
    /// <summary>An additional file held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpCompilation compilation, params AdditionalText[] files)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files.ToImmutableArray()),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CrmMapAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    internal static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture,
            $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    private static CSharpCompilation Compilation(params string[] sources) => BindingTestHost.CreateCompilation(sources);

    private const string Valid = """
        provider test {
          base_url "https://x.test"
          auth none
        }
        provider close {
          base_url "https://x.test"
          auth none
        }
        provider hubspot {
          base_url "https://x.test"
          auth none
        }
        """;

    [Fact]
    public async Task Valid_files_report_nothing_and_other_additional_files_are_ignored()
    {
        var diagnostics = await AnalyzeAsync(
            Compilation(BindingTestHost.ProviderClasses),
            new InMemoryAdditionalText("/maps/all.crmmap", Valid),
            new InMemoryAdditionalText("/maps/notes.txt", "provider { this is not a map"));
        Assert.Empty(diagnostics.Select(Describe));
    }

    private const string Broken = """
        provider close2 {
          base_url "https://x.test"
          auth none
          resource contacts {
            get GET "/contacts/{id}" {
              read { frist_name <- firstname }
            }
          }
        }
        provider broken {
          base_url
        }
        """;

    [Fact]
    public async Task Binder_and_syntax_diagnostics_are_located_in_the_crmmap_file()
    {
        var diagnostics = await AnalyzeAsync(
            Compilation(BindingTestHost.ProviderClasses),
            new InMemoryAdditionalText("/maps/all.crmmap", Valid),
            new InMemoryAdditionalText("/maps/test2.crmmap", Broken));

        Assert.Equal(
            new[]
            {
                "/maps/test2.crmmap(1,10,1,16): CRM0015: Provider 'close2' has no class marked [CrmProvider(\"close2\")]; add 'public partial class …' with that attribute",
                "/maps/test2.crmmap(6,14,6,24): CRM0003: Unknown unified field 'frist_name' on Contact; did you mean 'first_name'?",
                "/maps/test2.crmmap(10,10,10,16): CRM0015: Provider 'broken' has no class marked [CrmProvider(\"broken\")]; add 'public partial class …' with that attribute",
                "/maps/test2.crmmap(10,10,10,16): CRM0019: Provider 'broken' has no auth; write 'auth none' if it needs none",
                "/maps/test2.crmmap(11,3,11,11): CRM0001: Expected a value after 'base_url'",
            },
            diagnostics.Select(Describe));

        var unknownField = diagnostics.Single(d => d.Id == "CRM0003");
        Assert.Equal(LocationKind.ExternalFile, unknownField.Location.Kind);
        Assert.Equal(DiagnosticSeverity.Error, unknownField.Severity);
        Assert.Equal(new TextSpan(Broken.IndexOf("frist_name", StringComparison.Ordinal), "frist_name".Length), unknownField.Location.SourceSpan);
        Assert.EndsWith("diagnostics.md#crm0003-unknown-unified-field", unknownField.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_diagnostics_on_classes_are_located_in_the_csharp_tree()
    {
        var compilation = Compilation(BindingTestHost.ProviderClasses, """
            namespace Extra;

            [CrmGen.CrmProvider("ghost")]
            public class GhostProvider { }
            """);
        var diagnostics = await AnalyzeAsync(
            compilation,
            new InMemoryAdditionalText("/maps/all.crmmap", Valid),
            new InMemoryAdditionalText("/maps/again.crmmap", "provider test {\n  base_url \"https://x.test\"\n  auth none\n}\n"));

        Assert.Equal(
            new[]
            {
                "/maps/all.crmmap(1,10,1,14): CRM0013: Provider 'test' is defined more than once; the first definition is in again.crmmap",
                "/src/Source1.cs(4,14,4,27): CRM0014: Class 'GhostProvider' is marked [CrmProvider(\"ghost\")] but no .crmmap file defines provider 'ghost'",
                "/src/Source1.cs(4,14,4,27): CRM0023: Class 'GhostProvider' is marked [CrmProvider] but is not partial",
            },
            diagnostics.Select(Describe));

        var ghost = diagnostics.First(d => d.Id == "CRM0014");
        Assert.True(ghost.Location.IsInSource);
        Assert.Same(compilation.SyntaxTrees[1], ghost.Location.SourceTree);
    }

    [Fact]
    public async Task Class_diagnostics_show_when_only_the_classs_document_is_analysed()
    {
        // The IDE analyses open documents on their own; compilation-end diagnostics need the
        // whole project. CRM0023, CRM0036 and CRM0037 are not compilation-end diagnostics.
        var compilation = Compilation("global using Text = System.String;", """
            namespace Extra;

            [CrmGen.CrmProvider("ghost")]
            public class GhostProvider { }

            [CrmGen.CrmProvider("needy")]
            public partial class NeedyProvider
            {
                public NeedyProvider(int key) { }
            }

            [CrmGen.CrmProvider("test")]
            public partial class TestProvider
            {
                public static string? Shout(Text? value) => value;
            }
            """);
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new CrmMapAnalyzer()),
            new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/maps/all.crmmap", Valid))));
        var tree = compilation.SyntaxTrees[1];
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

        Assert.Equal(new[] { "CRM0023", "CRM0036", "CRM0037" }, diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Same(tree, d.Location.SourceTree));
        Assert.DoesNotContain(diagnostics, d => d.Id is "CRM0013" or "CRM0014" or "CRM0015");
    }

    [Fact]
    public void Supports_every_descriptor_and_marks_project_diagnostics_as_compilation_end()
    {
        var analyzer = new CrmMapAnalyzer();
        Assert.Equal(
            CrmDiagnosticDescriptors.ById.Keys.OrderBy(k => k, StringComparer.Ordinal),
            analyzer.SupportedDiagnostics.Select(d => d.Id));
        var compilationEnd = analyzer.SupportedDiagnostics
            .Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
            .Select(d => d.Id);
        Assert.Equal(new[] { "CRM0013", "CRM0014", "CRM0015" }, compilationEnd);
    }
}
