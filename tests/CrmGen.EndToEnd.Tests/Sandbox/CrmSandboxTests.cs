using System.Net;
using System.Net.Sockets;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Sandbox.SandboxHttp;

namespace CrmGen.EndToEnd.Tests.Sandbox;

public class CrmSandboxTests
{
    [Fact]
    public async Task It_listens_on_loopback_and_gives_each_providers_api_root()
    {
        await using var sandbox = await CrmSandbox.StartAsync();

        Assert.Equal("127.0.0.1", sandbox.RootAddress.Host);
        Assert.NotEqual(0, sandbox.RootAddress.Port);
        Assert.Equal(new Uri(sandbox.RootAddress, "hubspot"), sandbox.BaseAddressFor("hubspot"));
        Assert.Equal(new Uri(sandbox.RootAddress, "close/api/v1"), sandbox.BaseAddressFor("close"));
        Assert.Equal(new Uri(sandbox.RootAddress, "close/api/v1"), sandbox.BaseAddressFor("Close"));
        var ex = Assert.Throws<ArgumentException>(() => sandbox.BaseAddressFor("nocrm"));
        foreach (var provider in sandbox.Providers)
        {
            Assert.Contains(provider, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_sandboxes_run_side_by_side_on_different_ports()
    {
        await using var first = await CrmSandbox.StartAsync();
        await using var second = await CrmSandbox.StartAsync();

        Assert.NotEqual(first.RootAddress.Port, second.RootAddress.Port);
    }

    [Fact]
    public async Task Every_request_is_recorded_as_the_provider_saw_it()
    {
        var (sandbox, clock) = await StartAsync();
        await using var __ = sandbox;
        using var http = new HttpClient();
        using var request = Json(HttpMethod.Post, new Uri(sandbox.BaseAddressFor("hubspot") + "/crm/v3/objects/contacts?a=1&b=x%20y"),
            """{"properties":{"firstname":"Ada"}}""", Bearer("some-token"));
        request.Headers.TryAddWithoutValidation("X-Trace", "t-1");

        using var _ = await http.SendAsync(request);

        var recorded = Assert.Single(sandbox.Requests);
        Assert.Equal("hubspot", recorded.Provider);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/crm/v3/objects/contacts", recorded.Path);
        Assert.Equal("?a=1&b=x%20y", recorded.QueryString);
        Assert.Equal("/crm/v3/objects/contacts?a=1&b=x%20y", recorded.PathAndQuery);
        Assert.Equal("Bearer some-token", recorded.Header("authorization"));
        Assert.Equal("t-1", recorded.Headers["X-Trace"]);
        Assert.Equal("application/json; charset=utf-8", recorded.Header("Content-Type"));
        Assert.Equal("""{"properties":{"firstname":"Ada"}}""", recorded.BodyText);
        using (var body = recorded.ParseBody()) Assert.Equal("Ada", body.RootElement.GetProperty("properties").GetProperty("firstname").GetString());
        Assert.Equal(clock.GetUtcNow(), recorded.ReceivedAt);
        Assert.Single(sandbox.RequestsTo("HubSpot"));
        Assert.Empty(sandbox.RequestsTo("close"));

        sandbox.ClearRequests();
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_canned_failure_answers_the_next_request_once()
    {
        await using var sandbox = await CrmSandbox.StartAsync();
        using var http = new HttpClient();
        sandbox.FailNextRequest(503, """{"status":"error","message":"Service unavailable"}""");
        var url = new Uri(sandbox.BaseAddressFor("hubspot") + "/crm/v3/objects/contacts");
        var token = Bearer(sandbox.Options.HubSpotAccessToken);

        using var failed = await http.SendAsync(Json(HttpMethod.Post, url, """{"properties":{"firstname":"Ada"}}""", token));
        using var next = await http.SendAsync(Json(HttpMethod.Post, url, """{"properties":{"firstname":"Ada"}}""", token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("Service unavailable", (await ReadJsonAsync(failed)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(2, sandbox.Requests.Count);
        Assert.Single(sandbox.HubSpot.Contacts.Records);
    }

    [Fact]
    public async Task A_canned_failure_for_one_provider_waits_for_that_provider_and_can_carry_headers()
    {
        await using var sandbox = await CrmSandbox.StartAsync();
        using var http = new HttpClient();
        sandbox.FailNextRequest(new CannedResponse(429, """{"error":{"rate_reset":2.5}}""", Provider: "close",
            Headers: new Dictionary<string, string> { ["Retry-After"] = "3" }));

        using var hubspot = await http.SendAsync(Json(HttpMethod.Post, new Uri(sandbox.BaseAddressFor("hubspot") + "/crm/v3/objects/contacts"),
            """{"properties":{}}""", Bearer(sandbox.Options.HubSpotAccessToken)));
        using var close = await http.SendAsync(Json(HttpMethod.Post, new Uri(sandbox.BaseAddressFor("close") + "/pipeline/"),
            """{"name":"A"}""", Basic(sandbox.Options.CloseApiKey)));

        Assert.Equal(HttpStatusCode.Created, hubspot.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, close.StatusCode);
        Assert.Equal("3", Header(close, "Retry-After"));
        Assert.Empty(sandbox.Close.Pipelines.Records);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        await using var sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { HubSpotRequestsPerTenSeconds = 1000 });
        using var http = new HttpClient();
        var url = new Uri(sandbox.BaseAddressFor("hubspot") + "/crm/v3/objects/contacts");

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            http.SendAsync(Json(HttpMethod.Post, url, $$$"""{"properties":{"email":"p{{{i}}}@example.com"}}""", Bearer(sandbox.Options.HubSpotAccessToken)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(40, sandbox.Requests.Count);
        Assert.Equal(40, sandbox.HubSpot.Contacts.Records.Select(r => r.Id).Distinct().Count());
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task A_path_outside_every_provider_is_a_plain_404()
    {
        await using var sandbox = await CrmSandbox.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(sandbox.RootAddress, "nocrm/services/data"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", Assert.Single(sandbox.Requests).Provider);
    }

    [Fact]
    public async Task Disposing_stops_the_server()
    {
        var sandbox = await CrmSandbox.StartAsync();
        var root = sandbox.RootAddress;

        await sandbox.DisposeAsync();
        await sandbox.DisposeAsync();

        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(root, "hubspot/crm/v3/objects/contacts/1")));
        Assert.IsType<SocketException>(ex.InnerException);
    }
}
