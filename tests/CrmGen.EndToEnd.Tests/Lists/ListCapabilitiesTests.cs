using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>The list operations as the capabilities and the operation metadata describe them.</summary>
public class ListCapabilitiesTests
{
    [Theory]
    [InlineData("hubspot", CrmPagingKind.Cursor, "results")]
    [InlineData("salesforce", CrmPagingKind.Url, "records")]
    public void The_contacts_list_is_described_with_what_it_reads_and_how_it_pages(string provider, CrmPagingKind paging, string recordPath)
    {
        var capabilities = CrmCapabilities.Describe(BuiltInProviders.All);
        var list = capabilities.FindOperation(provider, "contacts", "list");

        Assert.NotNull(list);
        Assert.Empty(list.Required);
        // The page request's cursor and page size are not unified fields.
        Assert.Empty(list.Written);
        Assert.Contains("id", list.Read);
        Assert.Contains("first_name", list.Read);
        Assert.Contains("email_addresses", list.Read);

        var adapter = BuiltInProviders.All.Single(p => p.Name == provider);
        var operation = Assert.IsAssignableFrom<CrmListOperation<Contact>>(adapter.FindOperation("contacts", "list"));
        Assert.Equal(CrmOperationKind.List, operation.Kind);
        Assert.Equal(HttpMethod.Get, operation.Method);
        Assert.False(operation.HasBody);
        Assert.Equal(paging, operation.Paging);
        Assert.Equal([recordPath], operation.RecordPath);
    }

    [Fact]
    public void The_list_read_fields_match_the_create_read_fields_on_HubSpot()
    {
        var hubspot = BuiltInProviders.All.Single(p => p.Name == "hubspot");
        Assert.Equal(hubspot.FindOperation("contacts", "create")!.ReadFields, hubspot.FindOperation("contacts", "list")!.ReadFields);
    }
}
