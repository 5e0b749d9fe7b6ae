using System.Net;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>The request's context values (the seeds' <c>workspace</c>) merged over the integrated account's.</summary>
public class ContextOverrideTests
{
    [Fact]
    public async Task The_request_context_wins_over_the_account_for_that_request_only()
    {
        using var kit = new QueryKeyKit();
        var account = QueryKeyKit.Account("loc_account");

        await kit.CreateAsync(new CrmRequestOptions { Context = new Dictionary<string, string> { ["location_id"] = "loc_request" } }, account);
        await kit.CreateAsync(account: account);

        var requests = kit.Handler.Requests;
        Assert.Contains("locationId=loc_request", requests[0].Uri.Query);
        Assert.Equal("""{"firstName":"Ada","locationId":"loc_request"}""", requests[0].Body);
        Assert.Contains("locationId=loc_account", requests[1].Uri.Query);
        Assert.Equal("loc_account", account.GetContext("location_id"));
    }

    [Fact]
    public async Task The_request_context_supplies_a_value_the_account_lacks()
    {
        using var kit = new QueryKeyKit();

        await kit.CreateAsync(new CrmRequestOptions { Context = new Dictionary<string, string> { ["location_id"] = "ve9EPM428h8vShlRW1KT" } }, QueryKeyKit.Account(location: null));

        Assert.Contains("locationId=ve9EPM428h8vShlRW1KT", Assert.Single(kit.Handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task Without_it_anywhere_the_error_names_the_value_before_any_request()
    {
        using var kit = new QueryKeyKit();

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.CreateAsync(account: QueryKeyKit.Account(location: null)));

        Assert.Contains("has no context value 'location_id'", ex.Message);
        Assert.Contains("'acme-querykey'", ex.Message);
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task An_empty_request_value_unsets_the_accounts()
    {
        using var kit = new QueryKeyKit();

        await Assert.ThrowsAsync<CrmConfigurationException>(() =>
            kit.CreateAsync(new CrmRequestOptions { Context = new Dictionary<string, string> { ["location_id"] = "" } }, QueryKeyKit.Account("loc_account")));

        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task The_mapping_reads_the_merged_context_too()
    {
        using var kit = new QueryKeyKit(HttpStatusCode.OK);
        var options = new CrmRequestOptions { Context = new Dictionary<string, string> { ["location_id"] = "loc_request", ["extra"] = "x" } };

        var contact = await kit.CreateAsync(options);
        var plain = await kit.CreateAsync();

        Assert.Equal("loc_request", contact.Description);
        Assert.Equal("loc_account", plain.Description);
    }

    [Fact]
    public void WithContext_keeps_id_provider_credentials_and_base_address()
    {
        var account = new IntegratedAccount("querykey", CrmCredentials.ApiKey("k"), new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" })
        {
            Id = "acct-9",
            BaseAddressOverride = new Uri("http://127.0.0.1:1/x"),
        };

        var merged = account.WithContext(new Dictionary<string, string> { ["b"] = "3", ["c"] = "4" });

        Assert.Equal("acct-9", merged.Id);
        Assert.Equal("querykey", merged.Provider);
        Assert.Same(account.Credentials, merged.Credentials);
        Assert.Equal(account.BaseAddressOverride, merged.BaseAddressOverride);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "3", ["c"] = "4" }, merged.Context.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal("2", account.GetContext("b"));
        Assert.Same(account, account.WithContext(null));
        Assert.Same(account, account.WithContext(new Dictionary<string, string>()));
    }

    [Fact]
    public async Task The_request_context_cannot_move_Salesforce_to_another_host()
    {
        var handler = new Support.RecordingHandler(HttpStatusCode.Created, """{"id":"003000000000001AAA","success":true,"errors":[]}""");
        using var client = new CrmClient(new HttpClient(handler), CrmGen.Providers.BuiltInProviders.All);
        var account = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(QueryKeyKit.Secret),
            new Dictionary<string, string> { ["instance_url"] = "https://acme.my.salesforce.com" }) { Id = "acme-salesforce" };
        var contact = new Contact { FirstName = "Ada", LastName = "Lovelace", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Contacts.CreateAsync(account, contact,
            new CrmRequestOptions { Context = new Dictionary<string, string> { ["instance_url"] = "https://evil.example" } }));
        await client.Contacts.CreateAsync(account, contact,
            new CrmRequestOptions { Context = new Dictionary<string, string> { ["instance_url"] = "https://acme.my.salesforce.com" } });

        Assert.Equal("context", ex.Field);
        Assert.Contains("cannot change the base address of provider 'salesforce'", ex.Message);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("acme.my.salesforce.com", request.Uri.Host);
    }

    [Fact]
    public async Task The_request_context_may_supply_a_base_address_value_the_account_lacks()
    {
        var handler = new Support.RecordingHandler(HttpStatusCode.Created, """{"id":"003000000000001AAA","success":true,"errors":[]}""");
        using var client = new CrmClient(new HttpClient(handler), CrmGen.Providers.BuiltInProviders.All);
        var account = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(QueryKeyKit.Secret)) { Id = "acme-salesforce" };
        var contact = new Contact { FirstName = "Ada", LastName = "Lovelace", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] };

        await client.Contacts.CreateAsync(account, contact,
            new CrmRequestOptions { Context = new Dictionary<string, string> { ["instance_url"] = "https://acme.my.salesforce.com" } });

        Assert.Equal("https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }
}
