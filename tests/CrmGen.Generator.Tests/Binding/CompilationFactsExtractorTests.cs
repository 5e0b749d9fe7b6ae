using CrmGen.Generator.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrmGen.Generator.Tests.Binding;

public class CompilationFactsExtractorTests
{
    private static CompilationFacts Extract(Compilation compilation) => CompilationFactsExtractor.Extract(compilation, CancellationToken.None);

    private static UnifiedModelFacts Model(CompilationFacts facts, string name) => facts.Models.Single(m => m.Name == name);

    private static CrmType TypeOf(UnifiedModelFacts model, string wireName) => model.Properties.Single(p => p.WireName == wireName).Type;

    [Fact]
    public void Runtime_models_come_from_the_attribute_assembly()
    {
        var facts = BindingTestHost.Facts;
        var contact = Model(facts, "Contact");
        Assert.Equal("global::CrmGen.Contact", contact.FullyQualifiedName);
        Assert.Equal("contacts", contact.Resource);
        Assert.Equal(new UnifiedPropertyFacts("first_name", "FirstName", CrmType.String), contact.Properties.Single(p => p.WireName == "first_name"));
        Assert.Equal(CrmType.DateTime, TypeOf(contact, "created_at"));
        Assert.Equal(new CrmType(CrmTypeKind.CustomFields, "global::System.Collections.Generic.Dictionary<string, object?>"), TypeOf(contact, "custom_fields"));
        Assert.Equal(new CrmType(CrmTypeKind.RemoteData, "global::CrmGen.RawJson"), TypeOf(contact, "remote_data"));
        Assert.Equal(new CrmType(CrmTypeKind.Model, "global::CrmGen.AccountReference"), TypeOf(contact, "account"));
        Assert.Equal(
            new CrmType(CrmTypeKind.List, "global::System.Collections.Generic.List<global::CrmGen.EmailAddress>", new CrmType(CrmTypeKind.Model, "global::CrmGen.EmailAddress")),
            TypeOf(contact, "email_addresses"));
        Assert.Equal(CrmType.Long, TypeOf(Model(facts, "Account"), "number_of_employees"));
        Assert.Equal(CrmType.Decimal, TypeOf(Model(facts, "Opportunity"), "amount"));
        Assert.Equal(CrmType.Boolean, TypeOf(Model(facts, "User"), "is_active"));
        Assert.Null(Model(facts, "EmailAddress").Resource);

        var names = facts.Models.Select(m => m.FullyQualifiedName).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
    }

    [Fact]
    public void Provider_classes_with_hooks_and_location()
    {
        var facts = BindingTestHost.Facts;
        Assert.Equal(new[] { "close", "hubspot", "test" }, facts.ProviderClasses.Select(p => p.ProviderName));

        var test = facts.ProviderClasses.Single(p => p.ProviderName == "test");
        Assert.Equal("TestProviders", test.Namespace);
        Assert.Equal("TestProvider", test.ClassName);
        Assert.Equal("global::TestProviders.TestProvider", test.FullyQualifiedName);
        Assert.True(test.IsPartial);
        Assert.Equal("/src/Source0.cs", test.FilePath);
        var offset = BindingTestHost.ProviderClasses.IndexOf("TestProvider\n", StringComparison.Ordinal);
        Assert.Equal(new TextSpan(offset, "TestProvider".Length), test.Span);
        Assert.Equal(new LinePositionSpan(new LinePosition(7, 21), new LinePosition(7, 33)), test.LineSpan);

        Assert.Equal(
            new[] { "FullName", "Log", "MakeAccount", "NormalizePhone", "Pad", "Pad", "ParseDate", "PhoneOfType", "Score", "Untyped" },
            test.Hooks.Select(h => h.Name));
        var hooks = test.Hooks.ToList();
        Assert.Equal(
            new HookMethodFacts("NormalizePhone", CrmType.String, EquatableArrayOf(CrmType.String)) { NonNullableParameters = new Model.EquatableArray<bool>(new[] { false }) },
            hooks.Single(h => h.Name == "NormalizePhone"));
        Assert.Equal(new[] { 1, 2 }, hooks.Where(h => h.Name == "Pad").Select(h => h.Parameters.Count));
        Assert.Equal(CrmType.DateTime, hooks.Single(h => h.Name == "ParseDate").ReturnType);
        Assert.Equal(new CrmType(CrmTypeKind.Error, "void"), hooks.Single(h => h.Name == "Log").ReturnType);
        Assert.Equal(new[] { CrmType.Long, CrmType.Boolean }, hooks.Single(h => h.Name == "Score").Parameters);
        Assert.Equal(new CrmType(CrmTypeKind.Error, "object"), hooks.Single(h => h.Name == "Untyped").Parameters[0]);
        Assert.Equal(
            new CrmType(CrmTypeKind.List, "global::System.Collections.Generic.List<global::CrmGen.PhoneNumber>", new CrmType(CrmTypeKind.Model, "global::CrmGen.PhoneNumber")),
            hooks.Single(h => h.Name == "PhoneOfType").Parameters[0]);
        Assert.Equal(new CrmType(CrmTypeKind.Model, "global::CrmGen.AccountReference"), hooks.Single(h => h.Name == "MakeAccount").ReturnType);
    }

    [Fact]
    public void Source_models_wire_names_and_property_rules()
    {
        var facts = Extract(BindingTestHost.CreateCompilation("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Model = CrmGen.UnifiedModelAttribute;

            namespace Gadgets;

            public class GadgetBase
            {
                public string? BaseName { get; set; }
            }

            [Model("gadgets")]
            public class Gadget : GadgetBase
            {
                public int Count { get; set; }
                public double? Ratio { get; set; }
                [JsonPropertyName("ext_id")] public string? ExternalId { get; set; }
                public string? HTMLBody { get; set; }
                public List<long?>? Scores { get; set; }
                public List<string?>? Labels { get; set; }
                public string? ReadOnly { get; }
                public string? InitOnly { get; init; }
                public string? PrivateSet { get; private set; }
                public static string? Shared { get; set; }
                internal string? Hidden { get; set; }
                public Part? Part { get; set; }
            }

            [CrmGen.UnifiedModel]
            public class Part
            {
                public string? Name { get; set; }
            }
            """));

        var gadget = Model(facts, "Gadget");
        Assert.Equal("gadgets", gadget.Resource);
        Assert.Equal(
            new[] { "base_name", "count", "ratio", "ext_id", "html_body", "scores", "labels", "part" },
            gadget.Properties.Select(p => p.WireName));
        Assert.Equal(CrmType.Int, TypeOf(gadget, "count"));
        Assert.Equal(CrmType.Double, TypeOf(gadget, "ratio"));
        Assert.Equal("ExternalId", gadget.Properties.Single(p => p.WireName == "ext_id").PropertyName);
        Assert.Equal("global::System.Collections.Generic.List<long?>", TypeOf(gadget, "scores").CSharpName);
        Assert.Equal(CrmType.Long, TypeOf(gadget, "scores").Element);
        Assert.Equal("global::System.Collections.Generic.List<string?>", TypeOf(gadget, "labels").CSharpName);
        Assert.Equal(new CrmType(CrmTypeKind.Model, "global::Gadgets.Part"), TypeOf(gadget, "part"));
        Assert.Contains(facts.Models, m => m.FullyQualifiedName == "global::CrmGen.Contact");
    }

    [Fact]
    public void Facts_are_equal_after_an_unrelated_edit()
    {
        const string unrelated = "namespace Other; public static class Helper { public static int Twice(int x) => x * 2; }";
        const string edited = "namespace Other; public static class Helper { public static int Twice(int x) => x + x; // edited\n }";
        var before = Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses, unrelated));
        var after = Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses, edited));
        Assert.Equal(before, after);
        Assert.Equal(before.GetHashCode(), after.GetHashCode());

        // A hook body edit (that moves no declaration) changes nothing either; a new hook does.
        var body = Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses.Replace("raw?.Replace(\" \", \"\")", "raw?.Replace(\"-\", \"\")"), unrelated));
        Assert.Equal(before, body);
        var added = Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses.Replace("public partial class CloseProvider { }", "public partial class CloseProvider { public static string? Extra(string? x) => x; }"), unrelated));
        Assert.NotEqual(before, added);
    }

    [Fact]
    public void A_compilation_without_the_runtime_has_no_facts()
    {
        var compilation = CSharpCompilation.Create("Bare", new[] { CSharpSyntaxTree.ParseText("class C { }") }, Basic.Reference.Assemblies.Net100.References.All);
        var facts = Extract(compilation);
        Assert.Empty(facts.Models);
        Assert.Empty(facts.ProviderClasses);
    }

    [Fact]
    public void Extraction_observes_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CompilationFactsExtractor.Extract(BindingTestHost.CreateCompilation(BindingTestHost.ProviderClasses), cancellation.Token));
    }

    private static Model.EquatableArray<CrmType> EquatableArrayOf(params CrmType[] types) => new(types);
}
