using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// Retries of the generated HubSpot and Close adapters against faults the sandbox injects over
/// loopback: who is retried, how long the client waits, and how far it goes.
/// </summary>
public class RetryOverLoopbackTests
{
    [Fact]
    public async Task A_rate_limited_HubSpot_create_waits_out_the_window_and_is_sent_again()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("hubspot");

        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, SemanticsKit.Ada());

        var requests = kit.Sandbox.RequestsTo("hubspot");
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].BodyText, requests[1].BodyText);
        Assert.Equal([TimeSpan.FromSeconds(10)], kit.Waits);
        var record = Assert.Single(kit.Sandbox.HubSpot.Contacts.Records);
        Assert.Equal(record.Id, contact.Id);
    }

    [Fact]
    public async Task A_rate_limited_Close_create_waits_as_Retry_After_asks()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("close", retryAfter: TimeSpan.FromSeconds(3));

        var pipeline = await kit.Client.Pipelines.CreateAsync(kit.Close, SemanticsKit.Enterprise());

        Assert.Equal(2, kit.Sandbox.RequestsTo("close").Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], kit.Waits);
        Assert.Equal(Assert.Single(kit.Sandbox.Close.Pipelines.Records).Id, pipeline.Id);
    }

    [Fact]
    public async Task The_emulators_own_burst_limit_is_waited_out_on_the_shared_clock()
    {
        await using var kit = await SemanticsKit.StartAsync(sandboxOptions: o => o.HubSpotRequestsPerTenSeconds = 1);

        await kit.Client.Contacts.CreateAsync(kit.HubSpot, SemanticsKit.Ada());
        var second = await kit.Client.Contacts.CreateAsync(kit.HubSpot, new Contact
        {
            FirstName = "Charles",
            EmailAddresses = [new EmailAddress { Email = "charles@example.com" }],
        });

        Assert.Equal(3, kit.Sandbox.RequestsTo("hubspot").Count);
        Assert.Equal([TimeSpan.FromSeconds(10)], kit.Waits);
        Assert.Equal(2, kit.Sandbox.HubSpot.Contacts.Records.Count);
        Assert.Equal("Charles", second.FirstName);
    }

    [Theory]
    [InlineData("hubspot", 503)]
    [InlineData("hubspot", 500)]
    [InlineData("close", 502)]
    [InlineData("close", 504)]
    public async Task A_create_answered_with_a_server_error_is_never_sent_again(string provider, int status)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectServerError(provider, status, times: 3);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync(provider));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(provider, ex.Provider);
        Assert.Single(kit.Sandbox.RequestsTo(provider));
        Assert.Empty(kit.Waits);
    }

    [Theory]
    [InlineData("hubspot")]
    [InlineData("close")]
    public async Task A_create_with_an_idempotency_key_is_sent_again_with_the_same_key(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectServerError(provider, 502, times: 2);

        var id = await kit.CreateAsync(provider, new CrmRequestOptions { IdempotencyKey = "create-7f3a" });

        Assert.NotNull(id);
        var requests = kit.Sandbox.RequestsTo(provider);
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("create-7f3a", r.Header("Idempotency-Key")));
        Assert.Equal(2, kit.Waits.Count);
        Assert.All(kit.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), new CrmRetryOptions().MaxDelay));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        await using var kit = await SemanticsKit.StartAsync(o => o.Retry.MaxAttempts = 4);
        kit.Sandbox.InjectServerError("hubspot", 500, times: 10);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync("hubspot", new CrmRequestOptions { IdempotencyKey = "k-1" }));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("INTERNAL_ERROR", ex.ProviderCode);
        Assert.Equal(4, ex.Attempts);
        Assert.Equal(4, kit.Sandbox.RequestsTo("hubspot").Count);
        Assert.Equal(3, kit.Waits.Count);
    }

    [Fact]
    public async Task Backoff_grows_and_stays_under_the_cap()
    {
        await using var kit = await SemanticsKit.StartAsync(o =>
        {
            o.Retry.MaxAttempts = 6;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        });
        kit.Sandbox.InjectServerError("close", 503, times: 5);

        await kit.CreateAsync("close", new CrmRequestOptions { IdempotencyKey = "k-2" });

        Assert.Equal(5, kit.Waits.Count);
        Assert.All(kit.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(8)));
        Assert.True(kit.Waits.Sum(w => w.TotalSeconds) > 5, "an exponential backoff from 1 s waits more than 1 s per retry on the whole");
    }

    [Fact]
    public async Task A_wait_longer_than_the_client_accepts_is_not_taken()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("close", retryAfter: TimeSpan.FromMinutes(5));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync("close"));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(kit.Sandbox.RequestsTo("close"));
        Assert.Empty(kit.Waits);
    }

    [Fact]
    public async Task Creates_answered_429_can_be_left_alone()
    {
        await using var kit = await SemanticsKit.StartAsync(o => o.Retry.RetryRateLimitedCreates = false);
        kit.Sandbox.InjectRateLimit("hubspot");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync("hubspot"));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("You have reached your ten_secondly_rolling limit.", ex.ProviderMessage);
        Assert.Equal(TimeSpan.FromSeconds(10), ex.RetryAfter);
        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
    }

    [Fact]
    public async Task Faults_are_per_provider()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectServerError("close", 500, times: 1);

        await kit.CreateAsync("hubspot");
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateAsync("close"));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("Internal server error", ex.ProviderMessage);
        Assert.Single(kit.Sandbox.HubSpot.Contacts.Records);
        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
        Assert.Single(kit.Sandbox.RequestsTo("close"));
    }

    [Fact]
    public async Task Retries_are_logged_without_secrets()
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit("hubspot", times: 2);

        await kit.CreateAsync("hubspot");

        var log = string.Join("\n", kit.Log.Entries);
        Assert.Contains("POST /hubspot/crm/v3/objects/contacts to provider 'hubspot' failed with status 429; attempt 2 of 3 in 10000 ms", log);
        Assert.Contains("attempt 3 of 3", log);
        Assert.DoesNotContain(kit.Sandbox.Options.HubSpotAccessToken, log);
    }
}
