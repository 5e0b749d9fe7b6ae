using System.Net;
using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// The Salesforce contacts list over loopback: a SOQL query, batches of <c>batchSize</c> records,
/// the next batch fetched by its <c>nextRecordsUrl</c>, and next-page URLs that would leave the
/// org's instance refused before any request.
/// </summary>
public class SalesforceListTests
{
    private const string QueryPath = "/services/data/v60.0/query";

    [Fact]
    public async Task One_query_returns_every_contact_in_one_batch_by_default()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedSalesforce(3);

        var page = await kit.Client.Contacts.ListAsync(kit.Salesforce);

        Assert.False(page.HasMore);
        Assert.Equal(seeded.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id), page.Records.Select(r => r.Id));
        var contact = page.Records.Single(r => r.Id == seeded[1].Id);
        Assert.Equal(("S0001", "Hopper", "S0001 Hopper"), (contact.FirstName, contact.LastName, contact.Name));
        Assert.Equal("s0001@example.com", Assert.Single(contact.EmailAddresses!).Email);
        Assert.Equal(seeded[1].CreatedDate, contact.CreatedAt);
        Assert.Equal(seeded[1].LastModifiedDate, contact.UpdatedAt);
        using (var remote = JsonDocument.Parse(contact.RemoteData!.ToString()!))
        {
            Assert.Equal("Contact", remote.RootElement.GetProperty("attributes").GetProperty("type").GetString());
        }

        var request = Assert.Single(kit.Sandbox.RequestsTo("salesforce"));
        Assert.EndsWith(QueryPath, request.Path, StringComparison.Ordinal);
        Assert.Contains("q=SELECT%20Id%2C%20FirstName", request.QueryString, StringComparison.Ordinal);
        Assert.Null(request.Header("Sforce-Query-Options"));
    }

    [Fact]
    public async Task Batches_are_followed_by_their_next_records_url_to_the_end()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedSalesforce(450);

        var first = await kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { PageSize = 200 });
        Assert.Equal(200, first.Records.Count);
        Assert.Contains("/services/data/v60.0/query/", first.NextCursor, StringComparison.Ordinal);
        Assert.EndsWith("-200", first.NextCursor, StringComparison.Ordinal);

        var second = await kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { Cursor = first.NextCursor, PageSize = 200 });
        var third = await kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { Cursor = second.NextCursor, PageSize = 200 });

        Assert.Equal(200, second.Records.Count);
        Assert.Equal(50, third.Records.Count);
        Assert.False(third.HasMore);
        var ids = first.Records.Concat(second.Records).Concat(third.Records).Select(r => r.Id).ToList();
        Assert.Equal(seeded.Select(s => s.Id).Order(StringComparer.Ordinal), ids);

        var requests = kit.Sandbox.RequestsTo("salesforce");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("batchSize=200", r.Header("Sforce-Query-Options")));
        Assert.All(requests, r => Assert.Equal("Bearer " + kit.Sandbox.Options.SalesforceAccessToken, r.Header("Authorization")));
        Assert.EndsWith(requests[1].PathAndQuery, first.NextCursor, StringComparison.Ordinal);
        Assert.Empty(requests[1].QueryString);
    }

    [Fact]
    public async Task ListAll_streams_every_batch()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedSalesforce(430);

        var all = await kit.Client.Contacts.ListAllAsync(kit.Salesforce, pageSize: 200).ToListAsync();

        Assert.Equal(seeded.Select(s => s.Id).Order(StringComparer.Ordinal), all.Select(c => c.Id));
        Assert.Equal(3, kit.Sandbox.RequestsTo("salesforce").Count);
    }

    [Theory]
    [InlineData("https://evil.example/services/data/v60.0/query/01g-2000")]
    [InlineData("//evil.example/services/data/v60.0/query/01g-2000")]
    [InlineData("/services/data/v60.0/../../../steal")]
    [InlineData("/services/data/v60.0/%2e%2e/%2e%2e/steal")]
    [InlineData("/other/query/01g-2000")]
    [InlineData("http:evil.example/x")]
    [InlineData("/services/data/v60.0/query/01g-2000#x")]
    public async Task A_hostile_next_page_url_is_refused_without_a_request(string hostile)
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedSalesforce(1);
        var body = JsonSerializer.Serialize(new { totalSize = 5, done = false, nextRecordsUrl = hostile, records = new[] { new { Id = "003000000000001AAA" } } });
        kit.Sandbox.FailNextRequest(new CannedResponse(200, body, "application/json;charset=UTF-8", "salesforce"));

        var records = new List<Contact>();
        var error = await Assert.ThrowsAsync<CrmValidationException>(async () =>
        {
            await foreach (var contact in kit.Client.Contacts.ListAllAsync(kit.Salesforce)) records.Add(contact);
        });

        Assert.Single(records);
        Assert.Contains("was not followed", error.Message, StringComparison.Ordinal);
        Assert.Single(kit.Sandbox.Requests);

        // The same cursor handed back by a caller is refused the same way.
        await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { Cursor = hostile }));
        Assert.Single(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_next_page_url_may_be_absolute_on_the_instance()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedSalesforce(250);
        var first = await kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { PageSize = 200 });

        var absolute = new Uri(new Uri(kit.InstanceUrl), first.NextCursor).AbsoluteUri;
        var second = await kit.Client.Contacts.ListAsync(kit.Salesforce, new CrmPageRequest { Cursor = absolute });

        Assert.Equal(50, second.Records.Count);
    }
}

/// <summary>The sandbox's Salesforce Query resource, over plain HTTP.</summary>
public class SalesforceQueryEmulatorTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> QueryAsync(ListKit kit, string soql, string? options = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, kit.InstanceUrl + "/services/data/v60.0/query?q=" + Uri.EscapeDataString(soql));
        request.Headers.Authorization = new("Bearer", kit.Sandbox.Options.SalesforceAccessToken);
        if (options is not null) request.Headers.Add("Sforce-Query-Options", options);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Where_order_by_and_limit_select_and_sort_the_records()
    {
        await using var kit = await ListKit.StartAsync();
        var seeded = kit.SeedSalesforce(5);

        var (status, body) = await QueryAsync(kit, "select Id, FirstName from Contact order by FirstName desc limit 2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("totalSize").GetInt32());
        Assert.True(body.GetProperty("done").GetBoolean());
        Assert.False(body.TryGetProperty("nextRecordsUrl", out _));
        Assert.Equal(new[] { "S0004", "S0003" }, body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("FirstName").GetString()));
        var record = body.GetProperty("records")[0];
        Assert.Equal(new[] { "attributes", "Id", "FirstName" }, record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("/services/data/v60.0/sobjects/Contact/" + seeded[4].Id, record.GetProperty("attributes").GetProperty("url").GetString());

        (status, body) = await QueryAsync(kit, $"SELECT Id FROM Contact WHERE Id = '{seeded[2].Id}'");
        Assert.Equal(seeded[2].Id, Assert.Single(body.GetProperty("records").EnumerateArray()).GetProperty("Id").GetString());
    }

    [Fact]
    public async Task The_batch_size_is_brought_into_200_to_2000()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedSalesforce(210);

        var (_, small) = await QueryAsync(kit, "SELECT Id FROM Contact", "batchSize=5");
        var (_, whole) = await QueryAsync(kit, "SELECT Id FROM Contact", "batchSize=5000");

        Assert.Equal(200, small.GetProperty("records").GetArrayLength());
        Assert.False(small.GetProperty("done").GetBoolean());
        Assert.Equal(210, small.GetProperty("totalSize").GetInt32());
        Assert.Equal(210, whole.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_fields_objects_and_statements_are_Salesforce_errors()
    {
        await using var kit = await ListKit.StartAsync();

        var (status, body) = await QueryAsync(kit, "SELECT Id, Nickname FROM Contact");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_FIELD", body[0].GetProperty("errorCode").GetString());
        Assert.Contains("No such column 'Nickname' on entity 'Contact'", body[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        (status, body) = await QueryAsync(kit, "SELECT Id FROM Widget");
        Assert.Equal("INVALID_TYPE", body[0].GetProperty("errorCode").GetString());

        (status, body) = await QueryAsync(kit, "SELECT COUNT() FROM Contact GROUP BY Name");
        Assert.Equal("MALFORMED_QUERY", body[0].GetProperty("errorCode").GetString());

        // A custom field is a column once the org's contacts carry it (definitions are not emulated).
        (status, body) = await QueryAsync(kit, "SELECT Id, Score__c FROM Contact");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_FIELD", body[0].GetProperty("errorCode").GetString());
        Assert.Contains("No such column 'Score__c' on entity 'Contact'", body[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        kit.Sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace", ["Score__c"] = 7m });
        (status, body) = await QueryAsync(kit, "SELECT Id, score__c FROM Contact");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7m, body.GetProperty("records")[0].GetProperty("Score__c").GetDecimal());
    }

    [Fact]
    public async Task Custom_fields_named_by_the_account_are_selected_and_read_into_custom_fields()
    {
        await using var kit = await ListKit.StartAsync();
        var plain = kit.Sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Plain" });
        var rich = kit.Sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?>
        {
            ["FirstName"] = "Ada",
            ["LastName"] = "Lovelace",
            ["Region__c"] = "EMEA",
            ["Lead_Score__c"] = 87.5m,
            ["Is_Partner__c"] = true,
        });
        var account = WithCustomFields(kit, " Region__c, Lead_Score__c ,Is_Partner__c,region__c ");

        var page = await kit.Client.Contacts.ListAsync(account);

        var request = Assert.Single(kit.Sandbox.RequestsTo("salesforce"));
        Assert.Contains(
            "q=" + Uri.EscapeDataString("SELECT Id, FirstName, LastName, Name, Email, CreatedDate, LastModifiedDate, Region__c, Lead_Score__c, Is_Partner__c FROM Contact ORDER BY Id"),
            request.QueryString,
            StringComparison.Ordinal);
        var read = page.Records.Single(r => r.Id == rich.Id);
        Assert.Equal(new Dictionary<string, object?> { ["Region__c"] = "EMEA", ["Lead_Score__c"] = 87.5m, ["Is_Partner__c"] = true }, read.CustomFields);
        Assert.Equal("Ada", read.FirstName);
        // The fields are selected for every record; a record without values has them as null.
        var empty = page.Records.Single(r => r.Id == plain.Id);
        Assert.Equal(new Dictionary<string, object?> { ["Region__c"] = null, ["Lead_Score__c"] = null, ["Is_Partner__c"] = null }, empty.CustomFields);

        // Without the context value the list selects the standard fields only and has no custom fields.
        var standard = await kit.Client.Contacts.ListAsync(kit.Salesforce);
        Assert.All(standard.Records, r => Assert.Null(r.CustomFields));
    }

    [Fact]
    public async Task A_name_that_is_not_a_custom_field_is_refused_before_any_request_and_an_unknown_one_is_INVALID_FIELD()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedSalesforce(1);

        foreach (var names in new[] { "Email", "Region__c, Id FROM User", "Region__c;Score__c", "9Lives__c", "Bad__Name__x" })
        {
            var refused = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Contacts.ListAsync(WithCustomFields(kit, names)));
            Assert.Contains("contact_custom_fields", refused.Message, StringComparison.Ordinal);
        }
        Assert.Empty(kit.Sandbox.RequestsTo("salesforce"));

        var unknown = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.ListAsync(WithCustomFields(kit, "Nickname__c, acme__Score__c")));
        Assert.Equal(400, unknown.StatusCode);
        Assert.Equal("INVALID_FIELD", unknown.ProviderCode);
        Assert.Contains("Nickname__c", unknown.ProviderMessage, StringComparison.Ordinal);
    }

    private static IntegratedAccount WithCustomFields(ListKit kit, string names)
        => new("salesforce", CrmCredentials.AccessToken(kit.Sandbox.Options.SalesforceAccessToken),
            new Dictionary<string, string> { ["instance_url"] = kit.InstanceUrl, ["contact_custom_fields"] = names }) { Id = "acme-salesforce" };

    [Fact]
    public async Task A_spent_or_unknown_locator_is_INVALID_QUERY_LOCATOR()
    {
        await using var kit = await ListKit.StartAsync();
        kit.SeedSalesforce(201);
        var (_, first) = await QueryAsync(kit, "SELECT Id FROM Contact", "batchSize=200");
        var next = first.GetProperty("nextRecordsUrl").GetString()!;

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", kit.Sandbox.Options.SalesforceAccessToken);
        var origin = new Uri(kit.InstanceUrl).GetLeftPart(UriPartial.Authority);
        using var more = await http.GetAsync(origin + next);
        using var again = await http.GetAsync(origin + next);
        using var unknown = await http.GetAsync(kit.InstanceUrl + "/services/data/v60.0/query/01gXX0000000000AAA-200");

        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        using var batch = JsonDocument.Parse(await more.Content.ReadAsStringAsync());
        Assert.Equal(1, batch.RootElement.GetProperty("records").GetArrayLength());
        Assert.True(batch.RootElement.GetProperty("done").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("INVALID_QUERY_LOCATOR", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
