using System.Net;
using CrmGen.EndToEnd.Tests.Support;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class CredentialRedactionTests
{
    [Fact]
    public void Accounts_and_credentials_print_names_not_values()
    {
        var account = Account();

        Assert.DoesNotContain(Secret, account.ToString());
        Assert.DoesNotContain(Secret, account.Credentials.ToString());
        Assert.Contains("access_token = ***", account.ToString());
    }

    [Fact]
    public async Task No_exception_of_the_client_shows_the_secret()
    {
        var exceptions = new List<Exception>();
        foreach (var status in new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.InternalServerError })
        {
            var (client, _) = NewClient(status, """{"message":"nope","code":"E"}""");
            exceptions.Add(await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" })));
        }
        var (okClient, _) = NewClient();
        exceptions.Add(await Assert.ThrowsAsync<CrmValidationException>(() => okClient.Contacts.CreateAsync(Account(), new Contact())));
        exceptions.Add(await Assert.ThrowsAsync<CrmConfigurationException>(() => okClient.Contacts.CreateAsync(Account("nope"), new Contact { FirstName = "Ada" })));
        var (badBodyClient, _) = NewClient(HttpStatusCode.OK, "not json");
        exceptions.Add(await Assert.ThrowsAsync<CrmMappingException>(() => badBodyClient.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" })));

        Assert.All(exceptions, ex => Assert.DoesNotContain(Secret, ex.ToString()));
    }

    [Fact]
    public async Task Logs_carry_method_and_path_but_no_secret_query_value_or_body()
    {
        var logger = new ListLogger<CrmClient>();
        var (client, _) = NewClient(new RecordingHandler(HttpStatusCode.Created, """{"id":"c_1","first":"Ada"}"""), logger);
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["lookup"] = "private-value" } };

        await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada", LastName = "Body-Only" }, options);

        var (failing, _) = NewClient(new RecordingHandler(HttpStatusCode.Unauthorized, """{"message":"bad token","code":"AUTH"}"""), logger);
        await Assert.ThrowsAsync<CrmProviderException>(() => failing.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        var log = string.Join("\n", logger.Entries);
        Assert.Contains("Sending POST /api/contacts (test contacts create) for integrated account 'acme-test'", log);
        Assert.Contains("answered 201 to POST /api/contacts", log);
        Assert.Contains("Warning CrmProviderError: Provider 'test' returned 401 [AUTH] to POST /api/contacts", log);
        Assert.DoesNotContain(Secret, log);
        Assert.DoesNotContain("private-value", log);
        Assert.DoesNotContain("mode=strict", log);
        Assert.DoesNotContain("Body-Only", log);
        Assert.DoesNotContain("Bearer", log);
    }
}
