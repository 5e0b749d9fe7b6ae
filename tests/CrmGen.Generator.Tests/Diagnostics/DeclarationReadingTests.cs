using CrmGen.Generator.Analysis;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Tests.Binding;
using Microsoft.CodeAnalysis;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>
/// The generator reads provider classes, hooks and source models from syntax (so that a C# edit
/// costs it almost nothing); the analyzer compares that reading with C#'s binding and reports
/// CRM0036 where they differ, at the type, member or class concerned.
/// </summary>
public class DeclarationReadingTests
{
    private const string Map = """
        provider test {
          base_url "https://x.test"
          auth none
        }
        """;

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
        => CrmMapAnalyzerTests.AnalyzeAsync(
            BindingTestHost.CreateCompilation(sources),
            new CrmMapAnalyzerTests.InMemoryAdditionalText("/maps/test.crmmap", Map));

    private static string[] Reported(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == "CRM0036").Select(CrmMapAnalyzerTests.Describe).ToArray();

    [Fact]
    public async Task A_hook_type_named_through_an_alias_of_another_file_is_reported_at_the_type()
    {
        var diagnostics = await AnalyzeAsync(
            "global using Text = System.String;",
            """
            namespace P;

            [CrmGen.CrmProvider("test")]
            public partial class TestProvider
            {
                public static string? Shout(Text? value) => value;
            }
            """);

        Assert.Equal(
            new[]
            {
                "/src/Source1.cs(6,33,6,38): CRM0036: The generator reads the type of parameter 1 of 'Shout' from how it is written and sees 'Text' (a type a mapping cannot use), but C# binds 'string'; write the type by a name the generator knows without binding: a keyword (string, int…), DateTimeOffset, List<T>, Dictionary<string, object?>, RawJson or a unified model's name, not an alias declared in another file",
            },
            Reported(diagnostics));
        var diagnostic = diagnostics.Single(d => d.Id == "CRM0036");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.EndsWith("diagnostics.md#crm0036-declaration-read-differently-by-the-generator", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_of_the_same_file_is_followed_and_reports_nothing()
    {
        var diagnostics = await AnalyzeAsync(
            """
            using Text = System.String;
            using Provider = CrmGen.CrmProviderAttribute;
            using People = System.Collections.Generic.List<CrmGen.Contact>;

            namespace P;

            [Provider("test")]
            public partial class TestProvider
            {
                public static string? Shout(Text? value) => value;
                public static int Count(People? people) => people?.Count ?? 0;
            }
            """);

        Assert.Empty(diagnostics);
        var facts = CompilationFactsExtractor.ExtractFromSyntax(BindingTestHost.CreateCompilation(
            "using Provider = CrmGen.CrmProviderAttribute; using People = System.Collections.Generic.List<CrmGen.Contact>; namespace P; [Provider(\"test\")] public partial class TestProvider { public static int Count(People? people) => 0; }"),
            CancellationToken.None);
        var hook = Assert.Single(Assert.Single(facts.ProviderClasses).Hooks);
        Assert.Equal("global::System.Collections.Generic.List<global::CrmGen.Contact>", hook.Parameters[0].CSharpName);
    }

    [Fact]
    public async Task An_attribute_named_through_an_alias_of_another_file_is_reported_at_the_class()
    {
        var diagnostics = await AnalyzeAsync(
            "global using Adapter = CrmGen.CrmProviderAttribute;",
            """
            namespace P;

            [Adapter("test")]
            public partial class TestProvider { }
            """);

        Assert.Equal(
            new[]
            {
                "/src/Source1.cs(4,22,4,34): CRM0036: The generator reads class 'TestProvider' from how it is written and sees no [CrmProvider] attribute with a constant name, but C# binds [CrmProvider(\"test\")]; CrmGen recognises its attributes by name: write [CrmProvider(\"name\")] or [CrmGen.CrmProvider(\"name\")], or use an alias declared in the same file; the name must be a string literal",
            },
            Reported(diagnostics));
    }

    [Fact]
    public async Task A_provider_name_from_a_constant_is_reported_and_a_literal_or_nameof_is_not()
    {
        var diagnostics = await AnalyzeAsync(
            """
            namespace P;

            public static class Names { public const string Test = "test"; }

            [CrmGen.CrmProvider(Names.Test)]
            public partial class TestProvider { }

            [CrmGen.CrmProvider("te" + "st2")]
            public partial class Test2Provider { }

            [CrmGen.CrmProvider(nameof(test3))]
            public partial class Test3Provider { private const int test3 = 3; }
            """);

        Assert.Equal(
            new[]
            {
                "/src/Source0.cs(6,22,6,34): CRM0036: The generator reads class 'TestProvider' from how it is written and sees no [CrmProvider] attribute with a constant name, but C# binds [CrmProvider(\"test\")]; CrmGen recognises its attributes by name: write [CrmProvider(\"name\")] or [CrmGen.CrmProvider(\"name\")], or use an alias declared in the same file; the name must be a string literal",
            },
            Reported(diagnostics));
    }

    [Fact]
    public async Task Another_attribute_named_CrmProvider_is_reported()
    {
        var diagnostics = await AnalyzeAsync(
            """
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class CrmProviderAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            }

            namespace P
            {
                using Other;

                [CrmProvider("test")]
                public partial class NotAProvider { }
            }
            """);

        Assert.Contains(
            "/src/Source0.cs(12,26,12,38): CRM0036: The generator reads class 'NotAProvider' from how it is written and sees [CrmProvider(\"test\")], but C# binds an attribute that is not CrmGen.CrmProviderAttribute; rename that attribute, or refer to it by a qualified name other than CrmProvider",
            Reported(diagnostics));
    }

    [Fact]
    public async Task Nullability_from_nullable_directives_is_read_and_a_model_property_of_a_plain_base_class_is_reported()
    {
        var diagnostics = await AnalyzeAsync(
            """
            using CrmGen;

            namespace P;

            [CrmProvider("test")]
            public partial class TestProvider
            {
            #nullable disable
                public static string Loose(string value) => value;
            #nullable restore
                public static string Strict(string value) => value;
            }

            public class Base { public string Extra { get; set; } = ""; }

            [UnifiedModel]
            public class Note : Base { public string? Body { get; set; } }
            """);

        Assert.Equal(
            new[]
            {
                "/src/Source0.cs(17,14,17,18): CRM0036: The generator reads the properties of unified model 'Note' from how it is written and sees no settable property 'Extra', but C# binds one; declare it in the model class itself, or in a base class that is a unified model, as 'public T Name { get; set; }'",
            },
            Reported(diagnostics));

        var facts = CompilationFactsExtractor.ExtractFromSyntax(BindingTestHost.CreateCompilation(
            "namespace P; [CrmGen.CrmProvider(\"test\")] public partial class TestProvider {\n#nullable disable\n public static string Loose(string value) => value;\n#nullable restore\n public static string Strict(string value, int count) => value; }"),
            CancellationToken.None);
        var hooks = Assert.Single(facts.ProviderClasses).Hooks;
        Assert.Equal(new[] { false }, hooks.Single(h => h.Name == "Loose").NonNullableParameters);
        Assert.Equal(new[] { true, true }, hooks.Single(h => h.Name == "Strict").NonNullableParameters);
    }

    [Fact]
    public async Task A_partial_method_implemented_in_another_part_is_one_hook()
    {
        var sources = new[]
        {
            "namespace P; [CrmGen.CrmProvider(\"test\")] public partial class TestProvider { public static partial string? Code(string? value); }",
            "namespace P; public partial class TestProvider { public static partial string? Code(string? value) => value; }",
        };
        var diagnostics = await AnalyzeAsync(sources);

        Assert.Empty(diagnostics);
        var facts = CompilationFactsExtractor.ExtractFromSyntax(BindingTestHost.CreateCompilation(sources), CancellationToken.None);
        Assert.Equal("Code", Assert.Single(Assert.Single(facts.ProviderClasses).Hooks).Name);
    }

    [Fact]
    public async Task A_provider_class_in_a_generic_class_is_reported_once_at_the_class()
    {
        // C# names the nested class Outer<T>.Inner; the generator reads Outer.Inner, and the
        // adapter could not give Outer a type argument anyway.
        var diagnostics = await AnalyzeAsync("""
            namespace P;

            public partial class Outer<T>
            {
                [CrmGen.CrmProvider("test")]
                public partial class Inner { }
            }
            """);

        Assert.Equal(
            new[]
            {
                "/src/Source0.cs(6,26,6,31): CRM0036: The generator reads class 'Inner' from how it is written and sees a class outside any generic class, but C# binds 'P.Outer<T>.Inner'; a provider class cannot be generic or nested in a generic class: declare it at namespace level or in a non-generic class",
            },
            Reported(diagnostics));

        // Nothing is generated for it (the generated part would declare another class Outer).
        var compilation = BindingTestHost.CreateCompilation("namespace P; public partial class Outer<T> { [CrmGen.CrmProvider(\"test\")] public partial class Inner { } }");
        var result = Infrastructure.GeneratorHarness.CreateDriver([new Infrastructure.InMemoryAdditionalText("/maps/test.crmmap", Map)])
            .RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Empty(result.GeneratedSources);
        var provider = Assert.Single(CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None).ProviderClasses);
        Assert.Equal("is generic or nested in a generic class", provider.CannotBeCreated);
    }

    [Fact]
    public async Task A_partial_model_has_the_properties_and_base_class_of_all_its_parts()
    {
        var sources = new[]
        {
            "namespace P; [CrmGen.UnifiedModel(\"notes\")] public partial class Note : System.IComparable { public string? Body { get; set; } public int CompareTo(object? o) => 0; }",
            "namespace P; public partial class Note : Entry { [System.Text.Json.Serialization.JsonPropertyName(\"written_at\")] public System.DateTimeOffset? WrittenAt { get; set; } }",
            "namespace P; [CrmGen.UnifiedModel] public class Entry { public string? Id { get; set; } }",
            "namespace P; [CrmGen.CrmProvider(\"test\")] public partial class TestProvider { }",
        };
        var diagnostics = await AnalyzeAsync(sources);

        Assert.Empty(diagnostics);
        var compilation = BindingTestHost.CreateCompilation(sources);
        var written = CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None);
        var note = Assert.Single(written.Models, m => m.FullyQualifiedName == "global::P.Note");
        Assert.Equal(["id", "body", "written_at"], note.Properties.Select(p => p.WireName));
        Assert.Equal(CrmTypeKind.DateTime, note.Properties.Single(p => p.PropertyName == "WrittenAt").Type.Kind);
        Assert.Empty(DeclarationCheck.Compare(written, CompilationFactsExtractor.Extract(compilation, CancellationToken.None)));
    }

    [Theory]
    [InlineData("[CrmGen.UnifiedModel] public class Note { } [CrmGen.UnifiedModel] public class Note<T> { }")]
    [InlineData("[CrmGen.CrmProvider(\"test\")] public partial class TestProvider { public static partial string? X(string? a); public static partial string? X(string? a) => a; }")]
    [InlineData("[CrmGen.CrmProvider(] public partial class TestProvider { public static void (")]
    [InlineData("[CrmGen.UnifiedModel] public class A : B { public string? X { get; set; } } [CrmGen.UnifiedModel] public class B : A { public string? Y { get; set; } }")]
    [InlineData("namespace CrmGen { [UnifiedModel(\"contacts\")] public class Contact { public string? Extra { get; set; } } }")]
    [InlineData("[CrmGen.CrmProvider(\"test\")] public partial record TestProvider(int X) { public static global::System.Collections.Generic.List<int>? L(ref int a, params string[] b) => null; }")]
    [InlineData("[CrmGen.CrmProvider(\"test\")] public partial class TestProvider<T> { public static T? Generic<U>(U u) => default; } [CrmGen.CrmProvider(\"test\")] public partial class TestProvider { }")]
    [InlineData("using X = ; [X(\"test\")] partial class TestProvider { static string? Y(Z.W<int,>? a) => null; }")]
    [InlineData("#nullable enable annotations\n[CrmGen.CrmProvider(\"test\")] public partial class TestProvider {\n#nullable restore warnings\n public static string? S(string a, int? b, global::System.Nullable<long> c) => a; }")]
    public async Task Odd_declarations_never_make_the_generator_or_the_analyzer_throw(string source)
    {
        var compilation = BindingTestHost.CreateCompilation(source);
        // Reading and resolving the declarations does not throw (the generator's step would
        // otherwise give no facts, and generate nothing, silently).
        var written = CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None);
        var bound = CompilationFactsExtractor.Extract(compilation, CancellationToken.None);
        _ = DeclarationCheck.Compare(written, bound);

        var result = Infrastructure.GeneratorHarness.CreateDriver([new Infrastructure.InMemoryAdditionalText("/maps/test.crmmap", Map)])
            .RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        // The analyzer reports through CompilationWithAnalyzers and asserts it threw nothing.
        _ = await AnalyzeAsync(source);
    }

    [Fact]
    public void Reading_the_declarations_of_the_built_in_definitions_agrees_with_binding()
    {
        var inputs = Infrastructure.GeneratorHarness.Definitions();
        var compilation = inputs.Compilation();
        var written = CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None);
        var bound = CompilationFactsExtractor.Extract(compilation, CancellationToken.None);
        Assert.Empty(DeclarationCheck.Compare(written, bound));
        Assert.Equal(5, written.ProviderClasses.Count);
        Assert.Equal(bound.ProviderClasses.SelectMany(p => p.Hooks).Count(), written.ProviderClasses.SelectMany(p => p.Hooks).Count());
    }
}
