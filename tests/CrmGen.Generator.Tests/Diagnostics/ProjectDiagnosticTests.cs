using System.Collections.Immutable;
using CrmGen.Generator.Binding;
using CrmGen.Generator.Syntax;
using CrmGen.Generator.Tests.Binding;

namespace CrmGen.Generator.Tests.Diagnostics;

/// <summary>The project-wide checks (CRM0013, CRM0014, CRM0015, CRM0023, CRM0037) and unusable field types (CRM0028).</summary>
public class ProjectDiagnosticTests
{
    private const string Minimal = "provider {0} {{\n  base_url \"https://x.test\"\n  auth none\n}}\n";

    private static CrmMapFileSyntax File(string path, string text) => BindingTestHost.Parse(text, path);

    private static string[] Check(CompilationFacts facts, params CrmMapFileSyntax[] files)
        => CrmProjectChecker.Check(files.ToImmutableArray(), facts).Select(d => d.FilePath + " " + BindingTestHost.Format(d)).ToArray();

    private static string Provider(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Minimal, name);

    [Fact]
    public void Providers_with_partial_classes_pass()
    {
        var files = new[] { File("/maps/test.crmmap", Provider("test")), File("/maps/close.crmmap", Provider("close")), File("/maps/hubspot.crmmap", Provider("hubspot")) };
        Assert.Empty(Check(BindingTestHost.Facts, files));
    }

    [Fact]
    public void CRM0013_provider_defined_twice_across_and_within_files()
    {
        var diagnostics = Check(
            BindingTestHost.Facts,
            File("/maps/b.crmmap", Provider("test") + "\n" + Provider("close") + Provider("hubspot")),
            File("/maps/a.crmmap", "// first\n" + Provider("test") + Provider("close")));
        Assert.Equal(
            new[]
            {
                "/maps/b.crmmap CRM0013 (1,10)-(1,14): Provider 'test' is defined more than once; the first definition is in a.crmmap",
                "/maps/b.crmmap CRM0013 (6,10)-(6,15): Provider 'close' is defined more than once; the first definition is in a.crmmap",
            },
            diagnostics);

        var within = Check(BindingTestHost.Facts, File("/maps/a.crmmap", Provider("test") + Provider("test")))
            .Where(d => d.Contains("CRM0013", StringComparison.Ordinal));
        Assert.Equal(new[] { "/maps/a.crmmap CRM0013 (5,10)-(5,14): Provider 'test' is defined more than once; the first definition is earlier in this file" }, within);
    }

    [Fact]
    public void CRM0013_two_classes_for_one_provider()
    {
        var facts = CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation("""
            [CrmGen.CrmProvider("dup")] public partial class FirstProvider { }
            [CrmGen.CrmProvider("dup")] public partial class SecondProvider { }
            """), CancellationToken.None);
        Assert.Equal(
            new[] { "/src/Source0.cs CRM0013 (2,50)-(2,64): Provider 'dup' is defined more than once; class FirstProvider is already marked [CrmProvider(\"dup\")]" },
            Check(facts, File("/maps/dup.crmmap", Provider("dup"))));
    }

    [Fact]
    public void CRM0014_class_without_definition_is_located_at_the_class_identifier()
    {
        var facts = CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation("""
            namespace Mine;

            [CrmGen.CrmProvider("ghost")]
            public partial class GhostProvider { }
            """), CancellationToken.None);
        Assert.Equal(
            new[] { "/src/Source0.cs CRM0014 (4,22)-(4,35): Class 'GhostProvider' is marked [CrmProvider(\"ghost\")] but no .crmmap file defines provider 'ghost'" },
            Check(facts));
    }

    [Fact]
    public void CRM0015_provider_without_class()
    {
        Assert.Equal(
            new[] { "/maps/nobody.crmmap CRM0015 (2,10)-(2,16): Provider 'nobody' has no class marked [CrmProvider(\"nobody\")]; add 'public partial class …' with that attribute" },
            Check(BindingTestHost.Facts, File("/maps/nobody.crmmap", "\n" + Provider("nobody")),
                File("/maps/test.crmmap", Provider("test")), File("/maps/close.crmmap", Provider("close")), File("/maps/hubspot.crmmap", Provider("hubspot"))));
    }

    [Fact]
    public void CRM0015_provider_without_class_still_binds_and_reports_its_other_errors_but_generates_nothing()
    {
        var bound = BindingTestHost.Bind("""
            provider nobody {
              base_url "https://x.test"
              auth none
              resource contacts { get GET "/contacts/{id}" { read { frist_name <- x } } }
            }
            """);
        Assert.Equal(new[] { "CRM0003 (4,57)-(4,67): Unknown unified field 'frist_name' on Contact; did you mean 'first_name'?" }, BindingTestHost.FormatAll(bound));

        var clean = BindingTestHost.Bind("provider nobody {\n  base_url \"https://x.test\"\n  auth none\n}\n");
        Assert.Empty(clean.Diagnostics);
        Assert.Empty(clean.Providers);
    }

    [Fact]
    public void CRM0023_class_not_partial()
    {
        var facts = CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation("""
            [CrmGen.CrmProvider("plain")]
            public class PlainProvider { }

            public class Outer
            {
                [CrmGen.CrmProvider("nested")]
                public partial class NestedProvider { }
            }
            """), CancellationToken.None);
        Assert.Equal(
            new[]
            {
                "/src/Source0.cs CRM0023 (7,26)-(7,40): Class 'NestedProvider' is marked [CrmProvider] but is not partial",
                "/src/Source0.cs CRM0023 (2,14)-(2,27): Class 'PlainProvider' is marked [CrmProvider] but is not partial",
            },
            Check(facts, File("/maps/plain.crmmap", Provider("plain")), File("/maps/nested.crmmap", Provider("nested"))));

        // A provider whose class is not partial binds, but nothing is generated for it.
        var bound = BindingTestHost.Bind(Provider("plain"), facts);
        Assert.Empty(bound.Diagnostics);
        Assert.Empty(bound.Providers);
    }

    [Fact]
    public void CRM0037_class_the_adapter_cannot_create()
    {
        const string Sources = """
            [CrmGen.CrmProvider("fixed")]
            public static partial class FixedProvider { }

            [CrmGen.CrmProvider("base")]
            public abstract partial class BaseProvider { }

            [CrmGen.CrmProvider("needy")]
            public partial class NeedyProvider
            {
                public NeedyProvider(string key) { }
            }

            [CrmGen.CrmProvider("optional")]
            public partial class OptionalProvider
            {
                private OptionalProvider(string key = "k", params int[] more) { }
            }

            [CrmGen.CrmProvider("private")]
            public partial class PrivateProvider
            {
                private PrivateProvider() { }
                public PrivateProvider(int x) { }
            }

            [CrmGen.CrmProvider("split")]
            public partial class SplitProvider { }

            public partial class SplitProvider
            {
                public SplitProvider(int x) { }
            }
            """;
        var files = new[] { "fixed", "base", "needy", "optional", "private", "split" }.Select(n => File("/maps/" + n + ".crmmap", Provider(n))).ToArray();
        var expected = new[]
        {
            "/src/Source0.cs CRM0037 (2,29)-(2,42): Class 'FixedProvider' is marked [CrmProvider] but is static, and the adapter creates its single instance with 'new FixedProvider()'; remove 'static' (hooks stay static methods)",
            "/src/Source0.cs CRM0037 (5,31)-(5,43): Class 'BaseProvider' is marked [CrmProvider] but is abstract, and the adapter creates its single instance with 'new BaseProvider()'; remove 'abstract'",
            "/src/Source0.cs CRM0037 (8,22)-(8,35): Class 'NeedyProvider' is marked [CrmProvider] but has no constructor that takes no arguments, and the adapter creates its single instance with 'new NeedyProvider()'; add 'private NeedyProvider() { }'",
            "/src/Source0.cs CRM0037 (27,22)-(27,35): Class 'SplitProvider' is marked [CrmProvider] but has no constructor that takes no arguments, and the adapter creates its single instance with 'new SplitProvider()'; add 'private SplitProvider() { }'",
        };
        var compilation = BindingTestHost.CreateCompilation(Sources);

        // The generator's reading (from syntax) and C#'s binding agree on every class.
        foreach (var facts in new[] { CompilationFactsExtractor.ExtractFromSyntax(compilation, CancellationToken.None), CompilationFactsExtractor.Extract(compilation, CancellationToken.None) })
        {
            Assert.Equal(expected.Order(StringComparer.Ordinal), Check(facts, files).Order(StringComparer.Ordinal));

            // Nothing is generated for a class the adapter cannot create; the others generate.
            var needy = BindingTestHost.Bind(Provider("needy"), facts);
            Assert.Empty(needy.Diagnostics);
            Assert.Empty(needy.Providers);
            Assert.Single(BindingTestHost.Bind(Provider("optional"), facts).Providers);
            Assert.Single(BindingTestHost.Bind(Provider("private"), facts).Providers);
        }
    }

    [Fact]
    public void CRM0028_field_of_a_type_no_mapping_can_use()
    {
        var facts = CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses, """
            namespace Widgets;

            [CrmGen.UnifiedModel("widgets")]
            public class Widget
            {
                public string? Id { get; set; }
                public System.Guid? Token { get; set; }
                public System.Collections.Generic.List<System.Uri>? Links { get; set; }
            }
            """), CancellationToken.None);
        DiagnosticAssert.ReportsWith(facts, """
            provider test {
              base_url "https://x.test"
              auth none
              resource widgets {
                create POST "/widgets" {
                  write { token <- [|token|], id <- id }
                  read { id <- id, [|links|] <- links each $ }
                }
              }
            }
            """,
            ("CRM0028", "Field 'token' of Widget has type Guid, which a mapping cannot use; mappable types are string, int, long, decimal, double, bool, DateTimeOffset, List<T>, [UnifiedModel] classes and Dictionary<string, object?>"),
            ("CRM0028", "Field 'links' of Widget has type List<Uri>, which a mapping cannot use; mappable types are string, int, long, decimal, double, bool, DateTimeOffset, List<T>, [UnifiedModel] classes and Dictionary<string, object?>"));
    }
}
