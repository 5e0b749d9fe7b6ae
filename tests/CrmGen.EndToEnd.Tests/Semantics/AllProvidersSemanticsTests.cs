using System.Text;
using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// The request semantics on the contacts create of all five providers, over loopback with the
/// generated adapters and the sandbox's emulators: every response format, the request options,
/// retries, timeouts, malformed bodies and refused credentials.
/// </summary>
public class AllProvidersSemanticsTests
{
    public static TheoryData<string> Providers => SemanticsKit.AllProviders;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unified_raw_and_stream_answer_the_same_create(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        var account = kit.Account(provider);

        var unified = await kit.CreateContactAsync(provider);
        var raw = await kit.Client.Contacts.CreateRawAsync(account, kit.ContactFor(provider, "raw@example.com"));
        await using var stream = await kit.Client.Contacts.CreateStreamAsync(account, kit.ContactFor(provider, "stream@example.com"));
        using var streamed = await JsonDocument.ParseAsync(stream.Body);

        Assert.NotNull(unified.Id);
        Assert.NotNull(unified.RemoteData);
        Assert.Equal(provider, raw.Provider);
        Assert.InRange(raw.StatusCode, 200, 201);
        Assert.StartsWith("application/json", raw.ContentType);
        using var rawJson = raw.ParseJson();
        Assert.Equal(JsonValueKind.Object, rawJson.RootElement.ValueKind);
        Assert.Equal(raw.StatusCode, stream.StatusCode);
        // The same kind of provider body three times: the raw and streamed ones are the provider's own.
        Assert.Equal(TopLevelNames(rawJson.RootElement), TopLevelNames(streamed.RootElement));
        Assert.Equal(3, kit.Sandbox.RequestsTo(provider).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Normalized_lower_cases_the_email_and_gives_UTC(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var contact = await kit.CreateContactAsync(provider, new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        if (contact.EmailAddresses is { } emails)
        {
            Assert.Equal("ada.lovelace@example.com", Assert.Single(emails).Email);
        }
        else
        {
            // A provider whose create answers with the id only (Salesforce) has no e-mail to normalize.
            Assert.Equal("salesforce", provider);
        }
        Assert.True(contact.CreatedAt is null || contact.CreatedAt.Value.Offset == TimeSpan.Zero);
        Assert.True(contact.UpdatedAt is null || contact.UpdatedAt.Value.Offset == TimeSpan.Zero);
        Assert.NotNull(contact.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Ignore_remote_data_and_exclude_fields_shape_the_result(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();

        var ignored = await kit.Client.Contacts.CreateAsync(kit.Account(provider), kit.ContactFor(provider, "ignored@example.com"), new CrmRequestOptions { IgnoreRemoteData = true });
        var excluded = await kit.Client.Contacts.CreateAsync(kit.Account(provider), kit.ContactFor(provider, "excluded@example.com"), new CrmRequestOptions { ExcludeFields = ["id", "email_addresses"] });

        Assert.Null(ignored.RemoteData);
        Assert.NotNull(ignored.Id);
        Assert.Null(excluded.Id);
        Assert.Null(excluded.EmailAddresses);
        Assert.NotNull(excluded.RemoteData);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Remote_query_is_passed_untouched_after_the_operations_own(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        var plain = await kit.CreateContactAsync(provider);
        var options = new CrmRequestOptions { RemoteQuery = new Dictionary<string, string?> { ["crmgen_trace"] = "t 1/2" } };

        await kit.Client.Contacts.CreateAsync(kit.Account(provider), kit.ContactFor(provider, "query@example.com"), options);

        var requests = kit.Sandbox.RequestsTo(provider);
        var before = requests[0].QueryString;
        var after = requests[1];
        Assert.Equal(requests[0].Path, after.Path);
        Assert.Equal(before + (before.Length == 0 ? "?" : "&") + "crmgen_trace=t%201%2F2", after.QueryString);
        Assert.Equal(requests[0].Header("Authorization"), after.Header("Authorization"));
        Assert.NotNull(plain.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Remote_data_wins_on_the_first_name_key_the_mapping_writes(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        var (remoteData, sentFirstName, overridden) = FirstNameOverride(provider);

        var plain = await kit.CreateContactAsync(provider);
        var merged = await kit.Client.Contacts.CreateAsync(kit.Account(provider), kit.ContactFor(provider, "merged@example.com"),
            new CrmRequestOptions { RemoteData = new RawJson(Encoding.UTF8.GetBytes(remoteData)) });

        var requests = kit.Sandbox.RequestsTo(provider);
        using var plainBody = requests[0].ParseBody();
        using var mergedBody = requests[1].ParseBody();
        Assert.Equal(overridden.Replace("Augusta", "Ada"), sentFirstName(plainBody.RootElement));
        Assert.Equal(overridden, sentFirstName(mergedBody.RootElement));
        Assert.Equal(
            TopLevelNames(plainBody.RootElement).Order(),
            TopLevelNames(mergedBody.RootElement).Order());
        if (provider != "salesforce")
        {
            Assert.Equal("Ada", plain.FirstName);
            Assert.Equal("Augusta", merged.FirstName);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rate_limited_create_is_sent_again_where_the_provider_answers_429(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectRateLimit(provider);

        if (provider == "salesforce")
        {
            // Salesforce's request limit is a 403 REQUEST_LIMIT_EXCEEDED over 24 hours: not a wait.
            var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateContactAsync(provider));
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("REQUEST_LIMIT_EXCEEDED", ex.ProviderCode);
            Assert.Single(kit.Sandbox.RequestsTo(provider));
            return;
        }

        var contact = await kit.CreateContactAsync(provider);

        Assert.NotNull(contact.Id);
        Assert.Equal(2, kit.Sandbox.RequestsTo(provider).Count);
        var wait = Assert.Single(kit.Waits);
        Assert.Equal(provider is "hubspot" or "highlevel" ? TimeSpan.FromSeconds(10) : provider == "pipedrive" ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(1), wait);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_create_answered_503_is_not_sent_again_without_a_key_and_is_with_one(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectServerError(provider, 503);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.CreateContactAsync(provider));
        kit.Sandbox.InjectServerError(provider, 503);
        var contact = await kit.CreateContactAsync(provider, new CrmRequestOptions { IdempotencyKey = "create-" + provider });

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.NotNull(contact.Id);
        var requests = kit.Sandbox.RequestsTo(provider);
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0].Header("Idempotency-Key"));
        Assert.Equal(["create-" + provider, "create-" + provider], requests.Skip(1).Select(r => r.Header("Idempotency-Key")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_malformed_success_body_is_a_mapping_error(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        kit.Sandbox.InjectMalformedBody(provider, 200, """{"id": "x1", "data": {"id": """);

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.CreateContactAsync(provider));

        Assert.Equal(provider, ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.StartsWith("$", ex.JsonPath);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_slow_provider_times_out(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync(realTime: true);
        kit.Sandbox.InjectSlowResponse(provider, TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => kit.CreateContactAsync(provider, new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(250) }));

        Assert.Equal(provider, ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.Equal("create", ex.Operation);
        Assert.Contains($"provider '{provider}'", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Refused_credentials_name_account_and_provider_but_never_the_secret(string provider)
    {
        await using var kit = await SemanticsKit.StartAsync();
        var real = kit.Account(provider);
        const string wrong = "wrong-secret-4f1c9a";
        var credentials = new CrmCredentials(real.Credentials.Names.Select(n => new KeyValuePair<string, string>(n, wrong)));
        var account = new IntegratedAccount(provider, credentials, real.Context) { Id = real.Id, BaseAddressOverride = real.BaseAddressOverride };

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, kit.ContactFor(provider)));

        Assert.True(ex.StatusCode is 401 or 403, $"status {ex.StatusCode}");
        Assert.Contains($"Provider '{provider}' refused the credentials of integrated account '{real.Id}'", ex.Message);
        Assert.DoesNotContain(wrong, ex.ToString());
        Assert.DoesNotContain(wrong, ex.RawBody);
        Assert.DoesNotContain(wrong, string.Join("\n", kit.Log.Entries));
        Assert.Single(kit.Sandbox.RequestsTo(provider));
    }

    private static (string RemoteData, Func<JsonElement, string?> SentFirstName, string Overridden) FirstNameOverride(string provider) => provider switch
    {
        "hubspot" => ("""{"properties":{"firstname":"Augusta"}}""", b => b.GetProperty("properties").GetProperty("firstname").GetString(), "Augusta"),
        "close" => ("""{"name":"Augusta Lovelace"}""", b => b.GetProperty("name").GetString(), "Augusta Lovelace"),
        "highlevel" => ("""{"firstName":"Augusta"}""", b => b.GetProperty("firstName").GetString(), "Augusta"),
        "pipedrive" => ("""{"name":"Augusta Lovelace"}""", b => b.GetProperty("name").GetString(), "Augusta Lovelace"),
        "salesforce" => ("""{"FirstName":"Augusta"}""", b => b.GetProperty("FirstName").GetString(), "Augusta"),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static IEnumerable<string> TopLevelNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
