using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>Which requests are retried after which failures, and how long the client waits, per HTTP method.</summary>
public class RetryPolicyTests
{
    [Fact]
    public async Task A_GET_answered_503_is_retried_and_succeeds()
    {
        using var kit = new QueryKeyKit((_, n) => n < 3 ? QueryKeyKit.Status(503) : QueryKeyKit.Ok());

        var contact = await kit.GetAsync("c_1");

        Assert.Equal("c_1", contact.Id);
        Assert.Equal(3, kit.Handler.Requests.Count);
        Assert.Equal(2, kit.Clock.Waits.Count);
    }

    [Theory]
    [InlineData("update", 500)]
    [InlineData("update", 502)]
    [InlineData("delete", 503)]
    [InlineData("delete", 504)]
    [InlineData("get", 408)]
    public async Task Idempotent_methods_are_retried_after_server_errors(string operation, int status)
    {
        using var kit = new QueryKeyKit((_, n) => n == 1 ? QueryKeyKit.Status(status) : QueryKeyKit.Ok());

        await (operation switch
        {
            "update" => (Task)kit.UpdateAsync("c_1"),
            "delete" => kit.DeleteAsync("c_1"),
            _ => kit.GetAsync("c_1"),
        });

        Assert.Equal(2, kit.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task POST_and_PATCH_are_never_sent_again_after_a_server_error(int status)
    {
        using var kit = new QueryKeyKit((_, _) => QueryKeyKit.Status(status));

        var create = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync());
        var patch = await Assert.ThrowsAsync<CrmProviderException>(() => kit.PatchAsync("c_1"));

        Assert.Equal(status, create.StatusCode);
        Assert.Equal(status, patch.StatusCode);
        Assert.Equal(2, kit.Handler.Requests.Count);
    }

    [Fact]
    public async Task POST_and_PATCH_with_an_idempotency_key_are_retried_with_the_header()
    {
        using var kit = new QueryKeyKit((_, n) => n % 2 == 1 ? QueryKeyKit.Status(500) : QueryKeyKit.Ok());

        await kit.CreateAsync(new CrmRequestOptions { IdempotencyKey = "create-1" });
        await kit.PatchAsync("c_1", new CrmRequestOptions { IdempotencyKey = "patch-1" });

        var requests = kit.Handler.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal(["create-1", "create-1", "patch-1", "patch-1"], requests.Select(r => r.Header("Idempotency-Key")));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task A_request_without_a_key_sends_no_idempotency_header()
    {
        using var kit = new QueryKeyKit();

        await kit.CreateAsync();

        Assert.Null(Assert.Single(kit.Handler.Requests).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task POST_answered_429_is_retried_because_it_was_refused()
    {
        using var kit = new QueryKeyKit((_, n) => n == 1 ? QueryKeyKit.Status(429, headers: [("Retry-After", "7")]) : QueryKeyKit.Ok());

        await kit.CreateAsync();

        Assert.Equal(2, kit.Handler.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], kit.Clock.Waits);
    }

    [Fact]
    public async Task A_connection_that_could_not_be_made_is_retried_even_for_POST()
    {
        using var kit = new QueryKeyKit((_, n) => n == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (crm.query.invalid:443)")
            : QueryKeyKit.Ok());

        await kit.CreateAsync();

        Assert.Equal(2, kit.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.Unknown)]
    public async Task A_connection_lost_after_sending_is_retried_for_GET_but_not_for_POST(HttpRequestError error)
    {
        using var kit = new QueryKeyKit((request, n) => n == 1 || request.Method == HttpMethod.Post
            ? throw new HttpRequestException(error, "The response ended prematurely.")
            : QueryKeyKit.Ok());

        await kit.GetAsync("c_1");
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => kit.CreateAsync());

        Assert.Equal(error, ex.HttpRequestError);
        Assert.Equal(3, kit.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_connection_refused_on_loopback_is_tried_the_configured_number_of_times()
    {
        // A bound socket that does not listen: connections are refused, and no other test can take the port meanwhile.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var counting = new Support.CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var client = new CrmClient(new HttpClient(counting), [QueryKeyProvider.Instance], new CrmClientOptions
        {
            TimeProvider = new InstantTimeProvider(),
            Timeout = Timeout.InfiniteTimeSpan,
            Retry = { MaxAttempts = 2 },
        });
        var account = new IntegratedAccount("querykey", new CrmCredentials([new("api_token", QueryKeyKit.Secret)]), new Dictionary<string, string> { ["location_id"] = "l" })
        {
            BaseAddressOverride = new Uri($"http://127.0.0.1:{port}/v1"),
        };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.Contacts.CreateAsync(account, new Contact { FirstName = "Ada" }));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(2, counting.Count);
        Assert.DoesNotContain(QueryKeyKit.Secret, ex.ToString());
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_waited_until()
    {
        var date = "";
        using var kit = new QueryKeyKit((_, n) => n == 1 ? QueryKeyKit.Status(503, headers: [("Retry-After", date)]) : QueryKeyKit.Ok());
        date = kit.Clock.GetUtcNow().AddSeconds(42).ToString("r", CultureInfo.InvariantCulture);

        await kit.GetAsync("c_1");

        Assert.Equal([TimeSpan.FromSeconds(42)], kit.Clock.Waits);
    }

    [Theory]
    [InlineData("RateLimit", "limit=240, remaining=0, reset=4", 4000)]
    [InlineData("RateLimit", "\"default\";r=0;t=12", 12000)]
    [InlineData("RateLimit-Reset", "9", 9000)]
    [InlineData("X-RateLimit-Reset", "2", 2000)]
    public async Task The_providers_rate_limit_headers_set_the_wait(string header, string value, int milliseconds)
    {
        using var kit = new QueryKeyKit((_, n) => n == 1 ? QueryKeyKit.Status(429, headers: [(header, value)]) : QueryKeyKit.Ok());

        await kit.CreateAsync();

        Assert.Equal([TimeSpan.FromMilliseconds(milliseconds)], kit.Clock.Waits);
    }

    [Fact]
    public async Task An_exhausted_HighLevel_window_waits_one_interval()
    {
        using var kit = new QueryKeyKit((_, n) => n == 1
            ? QueryKeyKit.Status(429, headers: [("X-RateLimit-Interval-Milliseconds", "10000"), ("X-RateLimit-Max", "100"), ("X-RateLimit-Remaining", "0")])
            : QueryKeyKit.Ok());

        await kit.CreateAsync();

        Assert.Equal([TimeSpan.FromSeconds(10)], kit.Clock.Waits);
    }

    [Fact]
    public async Task Without_headers_the_backoff_is_exponential_with_jitter_and_capped()
    {
        using var kit = new QueryKeyKit((_, _) => QueryKeyKit.Status(503), o =>
        {
            o.Retry.MaxAttempts = 8;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        });

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.GetAsync("c_1"));

        Assert.Equal(8, ex.Attempts);
        Assert.Equal(7, kit.Clock.Waits.Count);
        Assert.All(kit.Clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2)));
        Assert.True(kit.Clock.Waits.Distinct().Count() > 1, "jitter varies the waits");
        Assert.Null(ex.RetryAfter);
    }

    [Fact]
    public async Task One_attempt_turns_retries_off()
    {
        using var kit = new QueryKeyKit((_, _) => QueryKeyKit.Status(503), o => o.Retry.MaxAttempts = 1);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.GetAsync("c_1"));

        Assert.Equal(1, ex.Attempts);
        Assert.Single(kit.Handler.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(501)]
    public async Task Other_statuses_are_never_retried(int status)
    {
        using var kit = new QueryKeyKit((_, _) => QueryKeyKit.Status(status));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.GetAsync("c_1"));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(kit.Handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_is_the_callers_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var handler = new Support.RecordingHandler((_, _) =>
        {
            var response = QueryKeyKit.Status(503);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return Task.FromResult(response);
        });
        using var client = new CrmClient(new HttpClient(handler), [QueryKeyProvider.Instance], new CrmClientOptions { Retry = { MaxProviderDelay = TimeSpan.FromMinutes(1) } });
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.ExecuteAsync<CrmNoInput, Contact>(QueryKeyKit.Account(), "contacts", "get", CrmNoInput.Instance, "c_1", cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(handler.Requests);
    }
}
