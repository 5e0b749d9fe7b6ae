using System.Diagnostics;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>Timeouts and cancellation against a slow provider in the sandbox, on the real clock.</summary>
public class TimeoutTests
{
    [Theory]
    [InlineData("hubspot", "contacts")]
    [InlineData("close", "pipelines")]
    public async Task A_slow_provider_is_a_CrmTimeoutException_naming_provider_and_operation(string provider, string resource)
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectSlowResponse(provider, TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => kit.CreateAsync(provider, new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {watch.Elapsed}");
        Assert.Equal(provider, ex.Provider);
        Assert.Equal(resource, ex.Resource);
        Assert.Equal("create", ex.Operation);
        Assert.Equal(kit.Account(provider).Id, ex.AccountId);
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.Equal($"The {resource} create request to provider '{provider}' for integrated account '{kit.Account(provider).Id}' did not complete within 0.3 s.", ex.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Single(kit.Sandbox.RequestsTo(provider));
    }

    [Fact]
    public async Task The_client_default_timeout_applies_when_the_request_sets_none()
    {
        await using var kit = await SemanticsKit.StartAsync(o => o.Timeout = TimeSpan.FromMilliseconds(250), realTime: true);
        kit.Sandbox.InjectSlowResponse("hubspot", TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => kit.CreateAsync("hubspot"));

        Assert.Equal(TimeSpan.FromMilliseconds(250), ex.Timeout);
    }

    [Fact]
    public async Task The_callers_cancellation_is_an_OperationCanceledException_not_a_timeout()
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectSlowResponse("close", TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kit.CreateAsync("close", new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(20) }, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_succeeds()
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectSlowResponse("close", TimeSpan.FromMilliseconds(150));

        var id = await kit.CreateAsync("close", new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(20) });

        Assert.Equal(Assert.Single(kit.Sandbox.Close.Pipelines.Records).Id, id);
    }

    [Fact]
    public async Task A_timed_out_create_is_not_sent_again()
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectSlowResponse("hubspot", TimeSpan.FromSeconds(30), times: 5);

        await Assert.ThrowsAsync<CrmTimeoutException>(() => kit.CreateAsync("hubspot", new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Single(kit.Sandbox.RequestsTo("hubspot"));
    }

    [Fact]
    public async Task The_timeout_covers_the_waits_between_attempts()
    {
        // A 503 asking for 20 s (less than the longest wait allowed) is not waited for when at most
        // 5 s of the budget are left: the provider's answer comes back at once instead of a timeout
        // later. (A budget of seconds, not milliseconds, so that a slow first answer on a loaded
        // machine cannot turn the test into a timeout.)
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectServerError("close", 503, times: 3, retryAfter: TimeSpan.FromSeconds(20));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() =>
            kit.CreateAsync("close", new CrmRequestOptions { IdempotencyKey = "k-3", Timeout = TimeSpan.FromSeconds(5) }));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), ex.RetryAfter);
        Assert.Single(kit.Sandbox.RequestsTo("close"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4.5), $"answered after {watch.Elapsed}");
    }
}
