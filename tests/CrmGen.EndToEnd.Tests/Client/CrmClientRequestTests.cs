using System.Net;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class CrmClientRequestTests
{
    [Fact]
    public async Task Create_sends_the_provider_request_and_maps_the_answer()
    {
        var (client, handler) = NewClient();

        var created = await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada", LastName = "Lovelace" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://crm.test.invalid/api/contacts?mode=strict", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + Secret, request.Header("Authorization"));
        Assert.Equal("2", request.Header("X-Api-Version"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("CrmGen/", request.Header("User-Agent"));
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"first":"Ada","last":"Lovelace"}""", request.Body);
        Assert.Equal(request.Body!.Length, request.ContentLength);

        Assert.Equal("c_1", created.Id);
        Assert.Equal("Ada", created.FirstName);
        Assert.Equal("Lovelace", created.LastName);
        Assert.Equal("""{"id":"c_1","first":"Ada","last":"Lovelace"}""", created.RemoteData!.ToString());
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out()
    {
        var (client, _) = NewClient();

        var created = await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Equal("c_1", created.Id);
        Assert.Null(created.RemoteData);
    }

    [Fact]
    public async Task Remote_query_is_appended_after_the_operation_query()
    {
        var (client, handler) = NewClient();
        var options = new CrmRequestOptions
        {
            RemoteQuery = new Dictionary<string, string?> { ["include"] = "owner & team", ["skip"] = null, ["x/y"] = "1" },
        };

        await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, options);

        Assert.Equal("?mode=strict&include=owner%20%26%20team&x%2Fy=1", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task The_account_base_address_override_replaces_the_provider_base_address()
    {
        var (client, handler) = NewClient();
        var account = new IntegratedAccount("test", CrmCredentials.AccessToken(Secret)) { BaseAddressOverride = new Uri("http://127.0.0.1:5999/test/api/") };

        await client.Contacts.CreateAsync(account, new Contact { FirstName = "Ada" });

        Assert.Equal("http://127.0.0.1:5999/test/api/contacts?mode=strict", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_callers_handler_sees_every_request()
    {
        var inner = new RecordingHandler(HttpStatusCode.Created, """{"id":"c_1","first":"Ada"}""");
        var counting = new CountingHandler { InnerHandler = inner };
        using var client = new CrmClient(new HttpClient(counting), [TestProvider.Instance]);

        for (var i = 0; i < 3; i++) await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" });
        await client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: "c_1");

        Assert.Equal(4, counting.Count);
        Assert.All(inner.Requests, r => Assert.Equal("seen", r.Header("X-Caller-Handler")));
    }

    [Fact]
    public async Task A_get_sends_no_body()
    {
        var (client, handler) = NewClient(HttpStatusCode.OK);

        await client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: "c_1");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task A_failed_create_is_not_retried()
    {
        var (client, handler) = NewClient(HttpStatusCode.ServiceUnavailable, """{"message":"try later"}""");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));

        Assert.Equal(503, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Large_bodies_round_trip_through_the_pooled_buffers()
    {
        var name = new string('é', 50_000);
        var handler = new RecordingHandler(async (request, ct) =>
        {
            var sent = await request.Content!.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(sent);
            var first = doc.RootElement.GetProperty("first").GetString();
            return RecordingHandler.Json(HttpStatusCode.Created, JsonSerializer.Serialize(new { id = "c_big", first }));
        });
        var (client, _) = NewClient(handler);

        var created = await client.Contacts.CreateAsync(Account(), new Contact { FirstName = name });

        Assert.Equal(name, created.FirstName);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_buffers()
    {
        var handler = new RecordingHandler(async (request, ct) =>
        {
            var sent = await request.Content!.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(sent);
            var first = doc.RootElement.GetProperty("first").GetString();
            await Task.Yield();
            return RecordingHandler.Json(HttpStatusCode.Created, JsonSerializer.Serialize(new { id = "id_" + first, first }));
        });
        var (client, _) = NewClient(handler);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            client.Contacts.CreateAsync(Account(), new Contact { FirstName = "n" + i + new string('x', i * 37) })));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal("id_n" + i + new string('x', i * 37), results[i].Id);
        }
    }

    [Fact]
    public void Providers_are_listed_by_name_and_found_case_insensitively()
    {
        var (client, _) = NewClient();

        Assert.Equal(["test"], client.Providers.Select(p => p.Name));
        Assert.Same(TestProvider.Instance, client.GetProvider("TEST"));
        Assert.Equal("contacts", client.Contacts.Resource);
        Assert.Equal("pipelines", client.Pipelines.Resource);
    }

    [Fact]
    public async Task Dispose_leaves_a_caller_supplied_HttpClient_usable()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "{}");
        var http = new HttpClient(handler);
        var client = new CrmClient(http, [TestProvider.Instance]);

        client.Dispose();

        Assert.NotNull(await http.GetAsync("https://crm.test.invalid/ping"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }));
    }

    [Fact]
    public void Two_different_providers_with_one_name_are_refused()
    {
        var ex = Assert.Throws<CrmConfigurationException>(() => new CrmClient(new HttpClient(), [TestProvider.Instance, new OtherTestProvider()]));
        Assert.Contains("'test'", ex.Message);
    }

    private sealed class OtherTestProvider : ICrmProvider
    {
        public string Name => "test";
        public string DisplayName => "Another";
        public IReadOnlyList<CrmOperation> Operations => [];
        public IReadOnlyList<string> CredentialNames => [];
        public IReadOnlyList<CrmContextValue> ContextValues => [];
        public CrmOperation? FindOperation(string resource, string operation) => null;
        public void PrepareRequest(CrmRequestBuilder request, IntegratedAccount account) { }
        public CrmProviderError ReadError(ReadOnlySpan<byte> utf8Json) => default;
    }
}
