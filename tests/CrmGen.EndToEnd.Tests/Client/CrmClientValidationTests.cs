using System.Net;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class CrmClientValidationTests
{
    [Fact]
    public async Task A_missing_required_field_fails_before_any_request()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Contacts.CreateAsync(Account(), new Contact { LastName = "Lovelace" }));

        Assert.Equal("first_name", ex.Field);
        Assert.Equal("test", ex.Provider);
        Assert.Contains("'first_name'", ex.Message);
        Assert.Contains("'test'", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_provider_is_named_with_the_registered_ones()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => client.Contacts.CreateAsync(Account("pipedrive"), new Contact { FirstName = "Ada" }));

        Assert.Contains("'pipedrive'", ex.Message);
        Assert.Contains("registered: test", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_operation_is_a_clear_error()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() =>
            client.ExecuteAsync<Contact, Contact>(Account(), "contacts", "delete", new Contact(), id: "c_1"));

        Assert.Equal("provider 'test' has no contacts delete operation.", ex.Message);
        Assert.Equal(("test", "contacts", "delete"), (ex.Provider, ex.Resource, ex.Operation));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_resource_the_provider_lacks_is_a_clear_error()
    {
        var (client, _) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() =>
            client.ExecuteAsync<Contact, Contact>(Account(), "accounts", "create", new Contact()));

        Assert.Equal("provider 'test' has no accounts create operation.", ex.Message);
    }

    [Fact]
    public async Task Mismatched_types_name_the_operations_real_types()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() =>
            client.ExecuteAsync<Pipeline, Pipeline>(Account(), "contacts", "create", new Pipeline()));

        Assert.Contains("takes Contact and returns Contact", ex.Message);
        Assert.Contains("not Pipeline → Pipeline", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_missing_credential_is_named_before_any_request()
    {
        var (client, handler) = NewClient();
        var account = new IntegratedAccount("test", CrmCredentials.ApiKey("k")) { Id = "acme" };

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => client.Contacts.CreateAsync(account, new Contact { FirstName = "Ada" }));

        Assert.Contains("'access_token'", ex.Message);
        Assert.Contains("'acme'", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_missing_path_parameter_fails_before_any_request()
    {
        var (client, handler) = NewClient(HttpStatusCode.OK);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: ""));

        Assert.Equal("id", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_operation_that_declares_a_body_but_writes_none_is_a_configuration_error()
    {
        var (client, handler) = NewClient();

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => client.Pipelines.CreateAsync(Account(), new Pipeline { Name = "Sales" }));

        Assert.Contains("pipelines create", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Null_arguments_are_refused()
    {
        var (client, _) = NewClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Contacts.CreateAsync(null!, new Contact()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Contacts.CreateAsync(Account(), null!));
    }
}
