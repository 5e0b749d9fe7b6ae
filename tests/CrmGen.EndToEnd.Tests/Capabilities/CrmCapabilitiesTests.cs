using System.Text.Json;
using CrmGen.EndToEnd.Tests.Associations;
using CrmGen.EndToEnd.Tests.Client;
using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Capabilities;

/// <summary>The run-time description of what providers can do, and its JSON form.</summary>
public class CrmCapabilitiesTests
{
    [Fact]
    public void An_operation_supports_the_union_of_what_it_writes_and_reads_and_requires_its_required_fields()
    {
        var capabilities = CrmCapabilities.Describe(TestProvider.Instance);

        var create = capabilities.FindOperation("contacts", "create")!;
        Assert.Equal("create", create.Name);
        Assert.Equal(["first_name", "id", "last_name", "remote_data"], create.Supported);
        Assert.Equal(["first_name"], create.Required);
        Assert.Equal(["first_name", "last_name"], create.Written);
        Assert.Equal(["first_name", "id", "last_name", "remote_data"], create.Read);
        Assert.Null(capabilities.FindOperation("contacts", "delete"));
        Assert.Null(capabilities.FindOperation("accounts", "create"));
    }

    [Fact]
    public void The_json_has_the_provider_resource_operation_shape()
    {
        var json = CrmCapabilities.Describe([TestProvider.Instance, LinkTestProvider.ActionsOnly]).ToJson(indented: false);

        const string link = "{'supported':['entity','entity_id','id','target','target_id'],'required':['entity_id','target_id'],'written':['entity','entity_id','target','target_id'],'read':['id']}";
        // Single quotes stand for double quotes.
        var expected =
            "{'actions':{'association_links':{"
            + "'link_accounts_contacts':" + link + ","
            + "'link_accounts_opportunities':" + link + "}},"
            + "'test':{'contacts':{"
            + "'create':{'supported':['first_name','id','last_name','remote_data'],'required':['first_name'],'written':['first_name','last_name'],'read':['first_name','id','last_name','remote_data']},"
            + "'get':{'supported':['first_name','id','last_name','remote_data'],'required':[],'written':[],'read':['first_name','id','last_name','remote_data']}},"
            + "'pipelines':{'create':{'supported':[],'required':[],'written':[],'read':[]}}}}";

        Assert.Equal(expected.Replace('\'', '"'), json);
    }

    [Fact]
    public void Every_built_in_operation_is_described_from_its_generated_field_lists()
    {
        using var document = JsonDocument.Parse(CrmCapabilities.Describe(BuiltInProviders.All).ToJson());
        var root = document.RootElement;

        Assert.Equal(BuiltInProviders.All.Select(p => p.Name).Order(StringComparer.Ordinal), root.EnumerateObject().Select(p => p.Name));
        foreach (var provider in BuiltInProviders.All)
        {
            var resources = root.GetProperty(provider.Name);
            Assert.Equal(provider.Operations.Select(o => o.Resource).Distinct().Order(StringComparer.Ordinal), resources.EnumerateObject().Select(r => r.Name));
            foreach (var operation in provider.Operations)
            {
                var described = resources.GetProperty(operation.Resource).GetProperty(operation.Name);
                Assert.Equal(operation.WrittenFields.Union(operation.ReadFields).Order(StringComparer.Ordinal), Strings(described, "supported"));
                Assert.Equal(operation.RequiredFields.Order(StringComparer.Ordinal), Strings(described, "required"));
                Assert.Equal(operation.WrittenFields.Order(StringComparer.Ordinal), Strings(described, "written"));
                Assert.Equal(operation.ReadFields.Order(StringComparer.Ordinal), Strings(described, "read"));
                Assert.True(Strings(described, "required").All(f => Strings(described, "supported").Contains(f)), $"{provider.Name} {operation.Resource} {operation.Name} requires a field it does not map.");
            }
        }
    }

    [Fact]
    public void Close_pipelines_create_reads_the_stages_and_requires_the_name()
    {
        var create = CrmCapabilities.Describe(BuiltInProviders.All).FindOperation("close", "pipelines", "create")!;

        Assert.Equal(["name"], create.Required);
        Assert.Contains("stages", create.Read);
        Assert.Contains("name", create.Written);
    }

    [Fact]
    public void Provider_lookup_ignores_case()
    {
        var capabilities = CrmCapabilities.Describe([TestProvider.Instance]);

        Assert.NotNull(capabilities.FindOperation("TEST", "contacts", "create"));
        Assert.Null(capabilities.FindOperation("other", "contacts", "create"));
    }

    [Fact]
    public void The_json_reads_back_to_the_same_description()
    {
        var capabilities = CrmCapabilities.Describe([TestProvider.Instance, LinkTestProvider.GenericAndAction]);

        var parsed = CrmCapabilities.Parse(capabilities.ToJson());

        Assert.Equal(capabilities.ToJson(), parsed.ToJson());
        Assert.Equal(["generic", "test"], parsed.Providers.Keys);
    }

    [Fact]
    public void System_Text_Json_writes_and_reads_the_same_form()
    {
        var capabilities = CrmCapabilities.Describe([TestProvider.Instance]);

        var json = JsonSerializer.Serialize(capabilities);
        var back = JsonSerializer.Deserialize<CrmCapabilities>(json)!;
        var provider = JsonSerializer.Serialize(capabilities.Providers["test"]);

        Assert.Equal(capabilities.ToJson(indented: false), json);
        Assert.Equal(json, back.ToJson(indented: false));
        Assert.Equal(CrmCapabilities.ToJson(capabilities.Providers["test"], indented: false), provider);
        Assert.StartsWith("""{"contacts":{"create":{"supported":""", provider);
    }

    [Fact]
    public void A_description_with_only_supported_and_required_reads_as_such()
    {
        var parsed = CrmCapabilities.Parse("""{"x":{"contacts":{"create":{"supported":["b","a"],"required":["a"],"other":{"n":1}}}}}""");

        var create = parsed.FindOperation("x", "contacts", "create")!;
        Assert.Equal(["a", "b"], create.Supported);
        Assert.Equal(["a"], create.Required);
        Assert.Empty(create.Written);
        Assert.Empty(create.Read);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"x":[]}""")]
    [InlineData("""{"x":{"contacts":{"create":{"supported":"a"}}}}""")]
    [InlineData("""{"x":{"contacts":{"create":{"supported":[1]}}}}""")]
    [InlineData("""{"x":{},"X":{}}""")]
    [InlineData("""{"x":{}} {}""")]
    [InlineData("""{"x":{"contacts":{"create":{"supported":[""]}}}}""")]
    public void Json_of_another_form_is_rejected(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CrmCapabilities.Parse(json));
    }

    [Fact]
    public void Two_providers_of_one_name_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrmCapabilities.Describe([TestProvider.Instance, TestProvider.Instance]));

        Assert.Contains("'test'", ex.Message);
    }

    private static string[] Strings(JsonElement operation, string name)
    {
        var list = operation.GetProperty(name);
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        return list.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
