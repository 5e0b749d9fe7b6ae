using static CrmGen.EndToEnd.Tests.Client.ClientTestKit;

namespace CrmGen.EndToEnd.Tests.Client;

public class RequestOptionsTests
{
    private static CrmRequestOptions Invalid(string name) => name switch
    {
        "empty key" => new CrmRequestOptions { IdempotencyKey = "" },
        "key with space" => new CrmRequestOptions { IdempotencyKey = "has space" },
        "long key" => new CrmRequestOptions { IdempotencyKey = new string('k', 256) },
        "non-ASCII key" => new CrmRequestOptions { IdempotencyKey = "ключ" },
        "zero timeout" => new CrmRequestOptions { Timeout = TimeSpan.Zero },
        "negative timeout" => new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(-1) },
        "unknown format" => new CrmRequestOptions { ResponseFormat = (CrmResponseFormat)42 },
        "blank excluded field" => new CrmRequestOptions { ExcludeFields = ["id", " "] },
        "empty remote query name" => new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { [""] = "x" } },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("empty key")]
    [InlineData("key with space")]
    [InlineData("long key")]
    [InlineData("non-ASCII key")]
    [InlineData("zero timeout")]
    [InlineData("negative timeout")]
    [InlineData("unknown format")]
    [InlineData("blank excluded field")]
    [InlineData("empty remote query name")]
    public async Task Invalid_options_are_refused_before_any_request(string name)
    {
        var (client, handler) = NewClient();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, Invalid(name)));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_infinite_timeout_is_allowed()
    {
        var (client, handler) = NewClient();

        await client.Contacts.CreateAsync(Account(), new Contact { FirstName = "Ada" }, new CrmRequestOptions { Timeout = Timeout.InfiniteTimeSpan });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Remote_data_on_an_operation_without_a_body_is_refused()
    {
        var (client, handler) = NewClient(System.Net.HttpStatusCode.OK);
        var options = new CrmRequestOptions { RemoteData = new RawJson("""{"a":1}"""u8.ToArray()) };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            client.ExecuteAsync<CrmNoInput, Contact>(Account(), "contacts", "get", CrmNoInput.Instance, id: "c_1", options));

        Assert.Equal("remote_data", ex.Field);
        Assert.Contains("sends no request body", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Client_settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmClient(new HttpClient(), [TestProvider.Instance], new CrmClientOptions { Retry = { MaxAttempts = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmClient(new HttpClient(), [TestProvider.Instance], new CrmClientOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmClient(new HttpClient(), [TestProvider.Instance], new CrmClientOptions { Retry = { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrmNormalizationOptions { DefaultPhoneCallingCode = 1000 });
    }
}
