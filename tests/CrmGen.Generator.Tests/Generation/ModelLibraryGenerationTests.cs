using CrmGen.Generator.Analysis;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>
/// Unified models may live in a library of their own: the public <c>[UnifiedModel]</c> classes
/// of every referenced assembly that references CrmGen.Runtime are models, for the generator
/// (read again only when the references change) and for the analyzer alike.
/// </summary>
public class ModelLibraryGenerationTests
{
    private const string Library = """
        namespace Acme.Models;

        using System.Collections.Generic;

        /// <summary>A note on a record.</summary>
        [CrmGen.UnifiedModel("notes")]
        public sealed class Note
        {
            /// <summary>The text.</summary>
            public string? Body { get; set; }

            /// <summary>Who wrote it.</summary>
            public List<CrmGen.EmailAddress>? Authors { get; set; }
        }

        /// <summary>Not public: not a model of the projects that reference the library.</summary>
        [CrmGen.UnifiedModel("drafts")]
        internal sealed class Draft
        {
            /// <summary>The text.</summary>
            public string? Body { get; set; }
        }
        """;

    private const string Provider = """
        namespace Acme.Providers;

        using Acme.Models;

        /// <summary>A provider whose resource is a model of the library.</summary>
        [CrmGen.CrmProvider("notebook")]
        public sealed partial class NotebookProvider
        {
            /// <summary>Upper-cases a note's text.</summary>
            public static string? Shout(Note? note) => note?.Body?.ToUpperInvariant();
        }
        """;

    private const string Map = """
        provider notebook {
          base_url "https://api.notebook.test"
          auth     bearer(credentials.access_token)

          resource notes {
            create POST "/notes" {
              write {
                text    <- body
                authors <- authors each { address <- email }
                loud    <- @Shout($$)
              }
              read {
                body <- text
              }
            }
          }
        }
        """;

    private static MetadataReference LibraryReference()
    {
        var library = TestCompilation.Create("Acme.Models", [("Note.cs", Library)]);
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, TestCompilation.Format(emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public void A_referenced_librarys_public_models_are_models_and_generate()
    {
        var compilation = TestCompilation.Create("Acme.Providers", [("NotebookProvider.cs", Provider)]).AddReferences(LibraryReference());
        var driver = GeneratorHarness.CreateDriver([new InMemoryAdditionalText("notebook.crmmap", Map)])
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.Contains(result.GeneratedSources, s => s.HintName.Contains("NotebookProvider", StringComparison.Ordinal));
        Assert.Empty(TestCompilation.Problems(output));

        foreach (var facts in new[] { CompilationFactsExtractor.Extract(compilation, CancellationToken.None), CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None) })
        {
            var note = Assert.Single(facts.Models, m => m.FullyQualifiedName == "global::Acme.Models.Note");
            Assert.Equal("notes", note.Resource);
            Assert.Equal(["body", "authors"], note.Properties.Select(p => p.WireName));
            Assert.DoesNotContain(facts.Models, m => m.Name == "Draft");
            Assert.Contains(facts.Models, m => m.FullyQualifiedName == "global::CrmGen.Contact");
            var shout = Assert.Single(Assert.Single(facts.ProviderClasses).Hooks);
            Assert.Equal("global::Acme.Models.Note", shout.Parameters[0].CSharpName);
        }
        Assert.Empty(DeclarationCheck.Compare(
            CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None),
            CompilationFactsExtractor.Extract(compilation, CancellationToken.None)));
    }
}
