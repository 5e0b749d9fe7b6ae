using System.Collections;
using System.Reflection;
using CrmGen.Generator.Analysis;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Emit;
using CrmGen.Generator.Model;
using CrmGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Cacheability;

/// <summary>
/// The generator's pipeline is incremental: rerunning on an equal or unrelated input reuses
/// every step, editing one .crmmap regenerates only its provider, and no step output holds a
/// Roslyn object that would pin a compilation in memory or defeat caching.
/// </summary>
public class IncrementalGenerationTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.Parse, TrackingNames.Declarations, TrackingNames.NullableAnnotations, TrackingNames.AssemblyName,
        TrackingNames.MetadataModels, TrackingNames.Facts, TrackingNames.Models, TrackingNames.Bind, TrackingNames.Providers,
        TrackingNames.Emit,
    };

    /// <summary>The steps whose outputs carry (parts of) the compilation facts.</summary>
    private static readonly string[] s_factSteps =
    {
        TrackingNames.Declarations, TrackingNames.NullableAnnotations, TrackingNames.AssemblyName, TrackingNames.MetadataModels, TrackingNames.Facts,
    };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, System.Collections.Immutable.ImmutableArray<AdditionalText> Texts) FirstRun()
    {
        var inputs = GeneratorHarness.Definitions();
        var compilation = inputs.Compilation();
        var texts = inputs.AdditionalTexts;
        var driver = GeneratorHarness.CreateDriver(texts).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Equal(inputs.Maps.Count, first.GeneratedSources.Length);
        foreach (var step in s_steps) Assert.True(first.TrackedSteps.ContainsKey(step), "No tracked step " + step);
        return (driver, compilation, texts);
    }

    private static void AssertAllCached(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_steps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} produced an output that is {reason}.");
                }
            }
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Source output " + output.Reason));
    }

    [Fact]
    public void Rerun_on_a_cloned_compilation_reuses_every_step()
    {
        var (driver, compilation, _) = FirstRun();
        AssertAllCached(driver.RunGenerators(compilation.Clone()));
    }

    [Fact]
    public void Unrelated_csharp_edit_reuses_every_step()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated; public static class Helper { public static int Twice(int x) => 2 * x; }",
            TestCompilation.ParseOptions,
            "Unrelated.cs"));
        AssertAllCached(driver.RunGenerators(edited));
    }

    [Fact]
    public void Unrelated_csharp_edit_keeps_the_fact_steps_and_does_not_reread_the_referenced_models()
    {
        var (driver, compilation, _) = FirstRun();
        var helper = CSharpSyntaxTree.ParseText("namespace Unrelated; public static class Helper { public static int Twice(int x) => 2 * x; }", TestCompilation.ParseOptions, "Unrelated.cs");
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(helper));
        var edited = compilation.AddSyntaxTrees(helper.WithChangedText(SourceText.From("namespace Unrelated; public static class Helper { public static int Thrice(int x) => 3 * x; }")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in s_factSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(r => r.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} produced an output that is {o.Reason}."));
        }

        // The provider classes are really described (the runtime's models are too): the facts are not empty.
        var facts = Assert.IsType<CompilationFacts>(result.TrackedSteps[TrackingNames.Facts].Single().Outputs.Single().Value);
        Assert.Contains(facts.ProviderClasses, p => p.ClassName == "CloseProvider");
        Assert.Contains(facts.Models, m => m.FullyQualifiedName == "global::CrmGen.Contact");

        // Cached, not Unchanged: the referenced assembly's models were not read again at all.
        Assert.All(result.TrackedSteps[TrackingNames.MetadataModels].SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Facts_from_the_pieces_equal_the_facts_of_the_whole_compilation()
    {
        foreach (var inputs in new[] { GeneratorHarness.Definitions(), GeneratorHarness.Sample() })
        {
            var compilation = inputs.Compilation();
            var result = GeneratorHarness.CreateDriver(inputs.AdditionalTexts).RunGenerators(compilation).GetRunResult().Results.Single();
            var facts = Assert.IsType<CompilationFacts>(result.TrackedSteps[TrackingNames.Facts].Single().Outputs.Single().Value);
            Assert.NotEmpty(facts.ProviderClasses);
            Assert.NotEmpty(facts.Models);
            Assert.Equal(CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None), facts);

            // What the generator reads from syntax is what C# binds (types no mapping can use
            // keep their written names, so they are compared by kind).
            var bound = CompilationFactsExtractor.Extract(compilation, CancellationToken.None);
            Assert.Empty(DeclarationCheck.Compare(facts, bound));
            Assert.Equal(bound.Models.Select(m => m.FullyQualifiedName), facts.Models.Select(m => m.FullyQualifiedName));
            Assert.Equal(bound.ProviderClasses.Select(p => (p.FullyQualifiedName, p.IsPartial, p.FilePath, p.Span)), facts.ProviderClasses.Select(p => (p.FullyQualifiedName, p.IsPartial, p.FilePath, p.Span)));
        }
    }

    [Fact]
    public void Adding_a_hook_in_another_part_of_a_provider_class_updates_its_facts()
    {
        var (driver, compilation, _) = FirstRun();
        var part = CSharpSyntaxTree.ParseText(
            "namespace CrmGen.Providers; public sealed partial class CloseProvider { public static string Shout(string? value) => (value ?? \"\").ToUpperInvariant(); }",
            TestCompilation.ParseOptions,
            "CloseProvider.Extra.cs");
        var result = driver.RunGenerators(compilation.AddSyntaxTrees(part)).GetRunResult().Results.Single();

        var declarationOutputs = result.TrackedSteps[TrackingNames.Declarations].SelectMany(r => r.Outputs).ToList();
        var changed = Assert.Single(declarationOutputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        var declared = Assert.IsType<DeclaredClass>(changed.Value);
        Assert.Equal("CloseProvider", declared.ClassName);
        Assert.False(declared.HasProviderAttribute);
        Assert.Equal("Shout", Assert.Single(declared.Hooks).Name);

        var facts = Assert.IsType<CompilationFacts>(result.TrackedSteps[TrackingNames.Facts].Single().Outputs.Single().Value);
        var hook = Assert.Single(facts.ProviderClasses.Single(p => p.ClassName == "CloseProvider").Hooks, h => h.Name == "Shout");
        Assert.Equal(EquatableArray.Create(false), hook.NonNullableParameters);
        Assert.All(result.TrackedSteps[TrackingNames.MetadataModels].SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_the_references_reads_the_referenced_models_again()
    {
        var (driver, compilation, _) = FirstRun();
        var runtime = compilation.References.OfType<PortableExecutableReference>()
            .Single(r => string.Equals(Path.GetFileName(r.FilePath), "CrmGen.Runtime.dll", StringComparison.Ordinal));
        var reloaded = compilation.ReplaceReference(runtime, MetadataReference.CreateFromFile(runtime.FilePath!));
        var result = driver.RunGenerators(reloaded).GetRunResult().Results.Single();

        // Read again (a new reference object), found equal, so nothing after it is redone.
        var metadata = result.TrackedSteps[TrackingNames.MetadataModels].SelectMany(r => r.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, metadata.Reason);
        Assert.Contains(((EquatableArray<UnifiedModelFacts>?)metadata.Value)!.Value, m => m.FullyQualifiedName == "global::CrmGen.Contact");
        Assert.All(result.TrackedSteps[TrackingNames.Emit].SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Emit " + o.Reason));

        // Without the runtime there are no referenced models any more.
        var without = driver.RunGenerators(compilation.RemoveReferences(runtime)).GetRunResult().Results.Single();
        var none = without.TrackedSteps[TrackingNames.MetadataModels].SelectMany(r => r.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Modified, none.Reason);
        Assert.Empty(((EquatableArray<UnifiedModelFacts>?)none.Value)!.Value);
    }

    [Fact]
    public void Editing_one_crmmap_regenerates_only_its_provider()
    {
        var (driver, compilation, texts) = FirstRun();
        var close = texts.Single(t => t.Path.EndsWith("close.crmmap", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(close.Path, close.GetText()!.ToString().Replace("display_name \"Close\"", "display_name \"Close CRM\""));
        driver = driver.ReplaceAdditionalText(close, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var emitted = result.TrackedSteps[TrackingNames.Emit].SelectMany(r => r.Outputs).ToList();
        var closeOutputs = emitted.Where(o => ((GeneratedSource)o.Value).HintName.Contains("CloseProvider", StringComparison.Ordinal)).ToList();
        var others = emitted.Except(closeOutputs).ToList();
        Assert.Contains(closeOutputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.NotEmpty(others);
        Assert.All(others, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Another provider was regenerated: " + o.Reason));
        Assert.Contains("\"Close CRM\"", result.GeneratedSources.Single(s => s.HintName.Contains("CloseProvider", StringComparison.Ordinal)).SourceText.ToString());

        var parses = result.TrackedSteps[TrackingNames.Parse].SelectMany(r => r.Outputs).ToList();
        Assert.Single(parses, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var inputs = GeneratorHarness.Sample();
        // A unified model in source too, so that every step has outputs to walk.
        var compilation = inputs.Compilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Sample.Extra; [CrmGen.UnifiedModel] public class Note { public string? Body { get; set; } }",
            TestCompilation.ParseOptions,
            "Note.cs"));
        var driver = GeneratorHarness.CreateDriver(inputs.AdditionalTexts).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        var walker = new ForbiddenTypeWalker();
        foreach (var step in s_steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "No tracked step " + step);
            Assert.NotEmpty(result.TrackedSteps[step].SelectMany(r => r.Outputs));
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs) walker.Walk(value, step);
            }
        }
        Assert.True(walker.Problems.Count == 0, string.Join(Environment.NewLine, walker.Problems));
        Assert.True(walker.VisitedTypes > 10, "The walk saw too little of the model to mean anything.");
    }

    /// <summary>Walks object graphs and the declared types of their fields, recording forbidden Roslyn types.</summary>
    private sealed class ForbiddenTypeWalker
    {
        private static readonly Type[] s_forbidden =
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AdditionalText),
        };

        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<Type> _types = new();

        public List<string> Problems { get; } = new();

        public int VisitedTypes => _types.Count;

        public void Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
            var type = value.GetType();
            if (!type.IsValueType && !_seen.Add(value)) return;
            CheckType(type, path);
            if (value is IEnumerable items && value is not string)
            {
                var i = 0;
                foreach (var item in items) Walk(item, path + "[" + i++ + "]");
            }
            foreach (var field in Fields(type))
            {
                CheckType(field.FieldType, path + "." + field.Name);
                Walk(field.GetValue(value), path + "." + field.Name);
            }
        }

        private void CheckType(Type type, string path)
        {
            if (!_types.Add(type)) return;
            foreach (var forbidden in s_forbidden)
            {
                if (forbidden.IsAssignableFrom(type) || (type.IsInterface && type.IsAssignableFrom(forbidden) && type != typeof(object)))
                {
                    if (forbidden.IsAssignableFrom(type)) Problems.Add($"{path}: {type} is a {forbidden.Name}");
                }
            }
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments()) CheckType(argument, path + "<" + argument.Name + ">");
            }
            if (type.IsArray) CheckType(type.GetElementType()!, path + "[]");
        }

        private static IEnumerable<FieldInfo> Fields(Type type)
        {
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return field;
                }
            }
        }
    }
}
