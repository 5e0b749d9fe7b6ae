using System.Globalization;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Matrix;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>
/// Pipedrive contact (person) create through <see cref="CrmClient"/>, the generated adapter and the
/// sandbox, over loopback HTTP; field coverage is checked against the seed matrix file.
/// </summary>
public class PipedriveContactCreateTests
{
    private const string Provider = "Pipedrive";

    private static CrmOperation Operation => PipedriveProvider.Instance.FindOperation("contacts", "create")!;

    [Fact]
    public async Task The_provider_request_is_exactly_what_Pipedrive_documents()
    {
        await using var kit = await PipedriveKit.StartAsync();

        await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact());

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("pipedrive", request.Provider);
        Assert.Equal("POST", request.Method);
        // The token travels in the x-api-token header, never in the URL.
        Assert.Equal("/api/v1/persons", request.PathAndQuery);
        Assert.Equal(kit.Sandbox.Options.PipedriveApiToken, request.Header("x-api-token"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        var expected = "{\"name\":\"Ada Lovelace\","
            + "\"email\":[{\"value\":\"ada@example.com\",\"label\":\"work\"},{\"value\":\"ada@home.example\",\"label\":\"home\"}],"
            + "\"phone\":[{\"value\":\"+44 20 7946 0958\",\"label\":\"work\"},{\"value\":\"+44 7700 900123\",\"label\":\"mobile\"}],"
            + $"\"org_id\":{kit.Organization.Id},\"owner_id\":{kit.Owner.Id},\"label_ids\":[1,2],"
            + "\"add_time\":\"2024-05-01 12:30:15\","
            + $"\"{kit.EngineField.Key}\":\"analytical\"}}";
        Assert.Equal(expected, JsonText.Canonical(request.BodyText));
    }

    [Fact]
    public async Task The_unified_result_carries_every_mapped_field_and_the_remote_data()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact());

        var person = Assert.Single(kit.Sandbox.Pipedrive.Persons.Records);
        Assert.Equal(person.Id.ToString(CultureInfo.InvariantCulture), contact.Id);
        Assert.Equal("Ada Lovelace", contact.Name);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal("Lovelace", contact.LastName);
        Assert.Equal([("ada@example.com", "work"), ("ada@home.example", "home")], contact.EmailAddresses!.Select(e => (e.Email, e.Type)));
        Assert.Equal([("+44 20 7946 0958", "work"), ("+44 7700 900123", "mobile")], contact.PhoneNumbers!.Select(p => (p.Number, p.Type)));
        Assert.Equal((kit.Organization.Id.ToString(CultureInfo.InvariantCulture), "Analytical Engines Ltd"), (contact.Account!.Id, contact.Account.Name));
        Assert.Equal(kit.Owner.Id.ToString(CultureInfo.InvariantCulture), contact.Owner!.Id);
        Assert.Equal(["1", "2"], contact.Tags!.Select(t => t.Id));
        var url = Assert.Single(contact.Urls!);
        Assert.Equal(($"https://app.pipedrive.com/person/{person.Id}", "pipedrive"), (url.Url, url.Type));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(TimeSpan.Zero, contact.CreatedAt!.Value.Offset);
        Assert.Equal(TruncatedToSeconds(kit.Clock.GetUtcNow()), contact.UpdatedAt);
        Assert.Equal("analytical", contact.CustomFields![kit.EngineField.Key]);

        using var remote = contact.RemoteData!.Parse();
        Assert.Equal(person.Id, remote.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(kit.Organization.Id, remote.RootElement.GetProperty("org_id").GetProperty("value").GetInt64());
        Assert.False(remote.RootElement.TryGetProperty("success", out _), "remote_data is the person, not the envelope");
    }

    [Fact]
    public async Task Pipedrive_times_are_read_as_UTC()
    {
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(201, """{"success":true,"data":{"id":7,"name":"Ada","first_name":"Ada","add_time":"2019-01-22 08:55:59","update_time":"2019-01-22 23:05:01"}}""", provider: "pipedrive");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        Assert.Equal(new DateTimeOffset(2019, 1, 22, 8, 55, 59, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(TimeSpan.Zero, contact.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2019, 1, 22, 23, 5, 1, TimeSpan.Zero), contact.UpdatedAt);
    }

    [Fact]
    public async Task A_person_without_email_or_phone_has_none_in_the_unified_record()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        // Pipedrive answers [{"value": "", "primary": true}] for both.
        using var remote = contact.RemoteData!.Parse();
        Assert.Equal("", remote.RootElement.GetProperty("email")[0].GetProperty("value").GetString());
        Assert.Empty(contact.EmailAddresses!);
        Assert.Empty(contact.PhoneNumbers!);
        Assert.Null(contact.Account);
        Assert.Equal(kit.Sandbox.Pipedrive.AuthorizedUser.Id.ToString(CultureInfo.InvariantCulture), contact.Owner!.Id);
        Assert.Equal("""{"name":"Ada"}""", Assert.Single(kit.Sandbox.Requests).BodyText);
    }

    [Theory]
    [InlineData(null, "Ada Lovelace")]
    [InlineData("Augusta Ada King", "Augusta Ada King")]
    public async Task An_explicit_name_wins_otherwise_first_and_last_name_are_joined(string? name, string sent)
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada", LastName = "Lovelace", Name = name });

        Assert.Equal(sent, Assert.Single(kit.Sandbox.Pipedrive.Persons.Records).Name);
        Assert.Equal(sent, contact.Name);
        Assert.Equal(sent.Split(' ')[0], contact.FirstName);
    }

    [Fact]
    public async Task The_company_domain_context_value_makes_the_web_link()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var account = kit.With(context: new Dictionary<string, string> { ["company_domain"] = "acme" });

        var contact = await kit.Client.Contacts.CreateAsync(account, new Contact { FirstName = "Ada" });

        Assert.Equal($"https://acme.pipedrive.com/person/{contact.Id}", Assert.Single(contact.Urls!).Url);
    }

    [Fact]
    public void The_operation_requires_writes_and_reads_exactly_the_Pipedrive_column_of_the_matrix()
    {
        Assert.Equal(ContactsCreateMatrix.Instance.RequiredRequestFields(Provider), Operation.RequiredFields.Order(StringComparer.Ordinal));
        Assert.Equal(ContactsCreateMatrix.Instance.SupportedRequestFields(Provider), Operation.WrittenFields.Order(StringComparer.Ordinal));
        Assert.Equal(ContactsCreateMatrix.Instance.SupportedResponseFields(Provider), Operation.ReadFields.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> RequiredFields() => new(ContactsCreateMatrix.Instance.RequiredRequestFields(Provider));

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_create_without_a_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await PipedriveKit.StartAsync();
        var contact = kit.FullContact();
        UnifiedFields.Clear(contact, field);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal("pipedrive", ex.Provider);
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'pipedrive'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    /// <summary>For every request field of the matrix: a change that must reach the provider request.</summary>
    private static readonly Dictionary<string, Action<Contact>> Changes = new()
    {
        ["account"] = c => c.Account = null,
        ["created_at"] = c => c.CreatedAt = c.CreatedAt!.Value.AddDays(1),
        ["custom_fields"] = c => c.CustomFields = null,
        ["email_addresses"] = c => c.EmailAddresses!.RemoveAt(1),
        ["first_name"] = c => c.FirstName = "Augusta",
        ["last_name"] = c => c.LastName = "King",
        ["name"] = c => c.Name = "Augusta Ada King",
        ["owner"] = c => c.Owner = null,
        ["phone_numbers"] = c => c.PhoneNumbers!.RemoveAt(0),
        ["tags"] = c => c.Tags!.RemoveAt(0),
    };

    public static TheoryData<string> SupportedRequestFields() => new(ContactsCreateMatrix.Instance.SupportedRequestFields(Provider));

    [Theory]
    [MemberData(nameof(SupportedRequestFields))]
    public async Task Every_supported_request_field_reaches_the_Pipedrive_request(string field)
    {
        Assert.True(Changes.ContainsKey(field), $"No change is defined for the matrix field '{field}'.");
        await using var kit = await PipedriveKit.StartAsync();
        var changed = kit.FullContact();
        Changes[field](changed);

        await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact());
        await kit.Client.Contacts.CreateAsync(kit.Account, changed);

        var requests = kit.Sandbox.Requests;
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].BodyText, requests[1].BodyText);
    }

    public static TheoryData<string> SupportedResponseFields() => new(ContactsCreateMatrix.Instance.SupportedResponseFields(Provider));

    [Theory]
    [MemberData(nameof(SupportedResponseFields))]
    public async Task Every_supported_response_field_is_in_the_unified_record(string field)
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact());

        Assert.True(UnifiedFields.HasValue(contact, field), $"'{field}' is empty in {JsonSerializer.Serialize(contact)}");
    }

    [Theory]
    [InlineData("account", "org-7", "account.id")]
    [InlineData("owner", "../1", "owner.id")]
    [InlineData("tags", "hot", "tags.id")]
    public async Task An_id_that_is_not_a_Pipedrive_id_is_refused_before_any_request(string field, string id, string named)
    {
        await using var kit = await PipedriveKit.StartAsync();
        var contact = kit.FullContact();
        switch (field)
        {
            case "account": contact.Account = new AccountReference { Id = id }; break;
            case "owner": contact.Owner = new OwnerReference { Id = id }; break;
            default: contact.Tags = [new Tag { Id = id }]; break;
        }

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(named, ex.Field);
        Assert.Equal("pipedrive", ex.Provider);
        Assert.Contains($"'{named}'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out_and_keeps_the_rest()
    {
        await using var kit = await PipedriveKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact(), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(contact.RemoteData);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal(kit.Organization.Id.ToString(CultureInfo.InvariantCulture), contact.Account!.Id);
    }

    [Fact]
    public async Task Remote_query_is_passed_untouched_and_cannot_replace_the_token_header()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var options = new CrmRequestOptions
        {
            RemoteQuery = new Dictionary<string, string?> { ["api_token"] = "someone-elses-token", ["x-api-token"] = "nope" },
        };

        await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" }, options);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("?api_token=someone-elses-token&x-api-token=nope", request.QueryString);
        Assert.Equal(kit.Sandbox.Options.PipedriveApiToken, request.Header("x-api-token"));
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await PipedriveKit.StartAsync();
        const string wrongToken = "0f3b9c2d1e4a5b6c7d8e9f00112233445566778899";
        var account = kit.With(credentials: PipedriveKit.ApiToken(wrongToken));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, kit.FullContact()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("unauthorized access", ex.ProviderMessage);
        Assert.Equal("401", ex.ProviderCode);
        Assert.Equal("pipedrive", ex.Provider);
        Assert.Contains("refused the credentials of integrated account 'acme-pipedrive'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
        Assert.DoesNotContain(wrongToken, ex.RawBody);
        Assert.Empty(kit.Sandbox.Pipedrive.Persons.Records);
    }

    [Fact]
    public async Task A_validation_error_of_Pipedrive_becomes_a_provider_exception_with_its_message_and_body()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var contact = kit.FullContact();
        contact.Account = new AccountReference { Id = "999" };

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Organization not found.", ex.ProviderMessage);
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.False(raw.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("Please check developers.pipedrive.com for more information about Pipedrive API.", raw.RootElement.GetProperty("error_info").GetString());
        Assert.Single(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_feature_cap_keeps_Pipedrives_code()
    {
        await using var kit = await PipedriveKit.StartAsync();
        const string body = """{"success":false,"error":"Couldn't add the person. Contacts limit reached.","error_info":"Please check developers.pipedrive.com for more information about Pipedrive API.","data":null,"additional_data":null,"code":"feature_capping_persons_limit"}""";
        kit.Sandbox.FailNextRequest(403, body, provider: "pipedrive");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact()));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("feature_capping_persons_limit", ex.ProviderCode);
        Assert.Equal("Couldn't add the person. Contacts limit reached.", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task A_rate_limited_create_waits_for_x_ratelimit_reset_and_is_sent_again()
    {
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(429,
            """{"success":false,"error":"Request over limit","errorCode":429,"error_info":"Please check developers.pipedrive.com","data":null,"additional_data":null}""",
            Provider: "pipedrive",
            Headers: new Dictionary<string, string> { ["x-ratelimit-limit"] = "20", ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = "1" }));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        // A 429 is a refusal: nothing was created, so the create is sent again once the window resets.
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Equal(Assert.Single(kit.Sandbox.Pipedrive.Persons.Records).Id.ToString(CultureInfo.InvariantCulture), contact.Id);
    }

    [Fact]
    public async Task Over_the_burst_limit_without_retries_the_429_is_a_provider_exception()
    {
        await using var kit = await PipedriveKit.StartAsync(o => o.PipedriveRequestsPerTwoSeconds = 1);
        using var client = new CrmClient(new HttpClient(), BuiltInProviders.All, new CrmClientOptions { Retry = new CrmRetryOptions { MaxAttempts = 1 } });
        await client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Grace" }));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal("Request over limit", ex.ProviderMessage);
        Assert.Equal("429", ex.ProviderCode);
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Single(kit.Sandbox.Pipedrive.Persons.Records);
    }

    [Fact]
    public async Task A_malformed_body_is_a_mapping_exception_naming_provider_and_resource()
    {
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(201, """{"success":true,"data":{"id":7,"name":"Ada",""", provider: "pipedrive");

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" }));

        Assert.Equal("pipedrive", ex.Provider);
        Assert.Equal("contacts", ex.Resource);
    }

    [Fact]
    public async Task An_org_id_that_is_not_an_object_is_a_mapping_exception_at_its_path()
    {
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(201, """{"success":true,"data":{"id":7,"name":"Ada","org_id":5}}""", provider: "pipedrive");

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" }));

        Assert.Equal("pipedrive", ex.Provider);
        Assert.Contains("org_id", ex.JsonPath);
    }

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset value)
        => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, value.Offset);
}
