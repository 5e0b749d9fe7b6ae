namespace CrmGen.EndToEnd.Tests.Client;

/// <summary>How long a provider's headers ask the client to wait.</summary>
public class ProviderRetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return ProviderRetryDelay.Read(response.Headers, Now);
    }

    [Theory]
    [InlineData("120", 120_000)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1_500)]
    [InlineData("Fri, 14 Mar 2025 09:00:30 GMT", 30_000)]
    [InlineData("Fri, 14 Mar 2025 08:59:00 GMT", 0)]
    public void Retry_After_is_seconds_or_an_HTTP_date(string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(("Retry-After", value)));
    }

    [Theory]
    [InlineData("limit=240, remaining=0, reset=3", 3_000)]
    [InlineData("limit=240, remaining=0, reset=0.5", 500)]
    [InlineData("\"default\";r=0;t=30", 30_000)]
    [InlineData("\"burst\";r=5;t=1, \"day\";r=0;t=3600", 3_600_000)]
    [InlineData("\"burst\";r=5;t=2", 2_000)]
    public void The_IETF_RateLimit_field_gives_the_reset(string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(("RateLimit", value)));
    }

    [Theory]
    [InlineData("2", 2_000)]
    [InlineData("1741942860", 60_000)]
    [InlineData("1741942860000", 60_000)]
    [InlineData("1741942000", 0)]
    public void X_RateLimit_Reset_is_seconds_or_a_Unix_time(string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(("X-RateLimit-Reset", value)));
    }

    [Fact]
    public void An_exhausted_HubSpot_window_waits_one_interval()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Read(
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
            ("X-HubSpot-RateLimit-Max", "100"),
            ("X-HubSpot-RateLimit-Remaining", "0")));
    }

    [Fact]
    public void A_window_with_requests_left_asks_for_nothing()
    {
        Assert.Null(Read(
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
            ("X-HubSpot-RateLimit-Remaining", "12")));
    }

    [Fact]
    public void An_exhausted_secondly_limit_waits_a_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Read(
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
            ("X-HubSpot-RateLimit-Remaining", "40"),
            ("X-HubSpot-RateLimit-Secondly-Remaining", "0")));
    }

    [Fact]
    public void Retry_After_comes_first()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Read(("RateLimit", "limit=1, remaining=0, reset=60"), ("Retry-After", "5"), ("X-RateLimit-Reset", "90")));
        Assert.Equal(TimeSpan.FromSeconds(60), Read(("RateLimit", "limit=1, remaining=0, reset=60"), ("X-RateLimit-Reset", "90")));
    }

    [Theory]
    [InlineData("Retry-After", "soon")]
    [InlineData("Retry-After", "-5")]
    [InlineData("RateLimit", "limit=10")]
    [InlineData("X-RateLimit-Reset", "never")]
    [InlineData("X-Other", "5")]
    public void Unreadable_or_absent_headers_ask_for_nothing(string name, string value)
    {
        Assert.Null(Read((name, value)));
    }

    [Fact]
    public void No_headers_ask_for_nothing() => Assert.Null(Read());
}
