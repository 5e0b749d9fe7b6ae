using System.Net;
using CrmGen.EndToEnd.Tests.Support;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class CrmClientErrorTests
{
    [Fact]
    public async Task A_provider_error_carries_status_code_message_and_raw_body()
    {
        const string body = """{"message":"Email already taken","code":"DUPLICATE","detail":{"id":"c_9"}}""";
        var (client, _) = NewClient(HttpStatusCode.Conflict, body);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("DUPLICATE", ex.ProviderCode);
        Assert.Equal("Email already taken", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Equal("test", ex.Provider);
        Assert.Equal("acme-test", ex.AccountId);
        Assert.Equal("Provider 'test' returned 409 for integrated account 'acme-test' [DUPLICATE]: Email already taken", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Refused_credentials_name_the_account_and_provider_but_not_the_secret(HttpStatusCode status)
    {
        var (client, _) = NewClient(status, """{"message":"Invalid token"}""");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.Contains("refused the credentials of integrated account 'acme-test'", ex.Message);
        Assert.Contains("'test'", ex.Message);
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(Secret, ex.RawBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("""{"message": 42, "code": ["x"]}""")]
    [InlineData("""{"message": "cut off""")]
    public async Task An_unreadable_error_body_still_gives_the_status_and_raw_body(string body)
    {
        var (client, _) = NewClient(HttpStatusCode.BadGateway, body);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal(502, ex.StatusCode);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task A_malformed_success_body_is_a_mapping_error_naming_provider_and_resource()
    {
        var (client, _) = NewClient(HttpStatusCode.Created, """{"id": "c_1", "first": """);

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal("test", ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.Contains("provider 'test'", ex.Message);
    }

    [Fact]
    public async Task Connection_failures_surface_as_HttpRequestException()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException("Connection refused"));
        var (client, _) = NewClient(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));
    }
}
