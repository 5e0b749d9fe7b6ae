using System.Text.Json;
using System.Text.Json.Nodes;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// HighLevel contacts create through <see cref="CrmClient"/>, the generated adapter and the
/// sandbox over loopback HTTP, checked against the seed matrix's Highlevel column and against
/// HighLevel's own OpenAPI description.
/// </summary>
public class HighLevelContactCreateTests
{
    private static HighLevelMatrixColumn Matrix => HighLevelMatrixColumn.Instance;

    private static CrmOperation Operation => HighLevelProvider.Instance.FindOperation("contacts", "create")!;

    private static readonly DateTimeOffset SentCreatedAt = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // A value for each unified request field; every field the matrix supports for HighLevel must have one.
    private static readonly Dictionary<string, Action<Contact>> Samples = new()
    {
        ["account"] = c => c.Account = new AccountReference { Id = "641c094001436dbc2081e642", Name = "Analytical Engines Ltd" },
        ["addresses"] = c => c.Addresses =
        [
            new Address { Street1 = "12 St James's Square", Street2 = "Flat 3", City = "London", State = "Greater London", PostalCode = "SW1Y 4LB", Country = "GB" },
        ],
        ["created_at"] = c => c.CreatedAt = SentCreatedAt,
        ["custom_fields"] = c => c.CustomFields = new Dictionary<string, object?>
        {
            ["6dvNaf7VhkQ9snc5vnjJ"] = "analytical",
            ["MgobCB14YMVKuE4Ka8p1"] = 42L,
        },
        ["email_addresses"] = c => c.EmailAddresses =
        [
            new EmailAddress { Email = "ada@example.com", Type = "work" },
            new EmailAddress { Email = "ada.byron@example.org", Type = "home" },
        ],
        ["first_name"] = c => c.FirstName = "Ada",
        ["last_name"] = c => c.LastName = "Lovelace",
        ["name"] = c => c.Name = "Ada Lovelace",
        ["owner"] = c => c.Owner = new OwnerReference { Id = "y0BeYjuRIlDwsDcOHOJo" },
        ["phone_numbers"] = c => c.PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "mobile" }],
        ["tags"] = c => c.Tags = [new Tag { Name = "vip" }, new Tag { Name = "engine" }],
    };

    // A contact with every request field the matrix lists as supported for HighLevel.
    private static Contact EveryField()
    {
        var contact = new Contact();
        foreach (var field in Matrix.RequestSupported)
        {
            Assert.True(Samples.TryGetValue(field, out var set), $"The matrix lists '{field}' as supported for Highlevel; add a sample value for it.");
            set!(contact);
        }
        return contact;
    }

    [Fact]
    public void The_operation_writes_requires_and_reads_exactly_the_matrix_Highlevel_column()
    {
        Assert.Equal(Matrix.RequestSupported, Operation.WrittenFields.Order(StringComparer.Ordinal));
        Assert.Equal(Matrix.RequestRequired, Operation.RequiredFields.Order(StringComparer.Ordinal));
        Assert.Equal(Matrix.ResponseSupported, Operation.ReadFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_matrix_workspace_is_the_required_location_id_context_value()
    {
        Assert.Equal(["workspace"], Matrix.QueryRequired);
        var locationId = Assert.Single(HighLevelProvider.Instance.ContextValues, c => c.Name == "location_id");
        Assert.True(locationId.IsRequired);
        Assert.All(HighLevelProvider.Instance.ContextValues.Where(c => c.Name != "location_id"), c => Assert.False(c.IsRequired));
    }

    [Fact]
    public async Task Every_supported_field_travels_in_the_exact_request_HighLevel_documents()
    {
        await using var kit = await HighLevelKit.StartAsync();

        await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());

        var request = Assert.Single(kit.Sandbox.Requests);
        kit.AssertHighLevelHeaders(request);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/contacts/", request.PathAndQuery);
        var body = HighLevelKit.Body(request);
        var expected = JsonNode.Parse($$"""
            {
              "locationId": "{{kit.Sandbox.Options.HighLevelLocationId}}",
              "firstName": "Ada",
              "lastName": "Lovelace",
              "name": "Ada Lovelace",
              "email": "ada@example.com",
              "phone": "+44 20 7946 0958",
              "address1": "12 St James's Square",
              "city": "London",
              "state": "Greater London",
              "postalCode": "SW1Y 4LB",
              "country": "GB",
              "companyName": "Analytical Engines Ltd",
              "assignedTo": "y0BeYjuRIlDwsDcOHOJo",
              "tags": ["vip", "engine"],
              "customFields": [
                { "id": "6dvNaf7VhkQ9snc5vnjJ", "field_value": "analytical" },
                { "id": "MgobCB14YMVKuE4Ka8p1", "field_value": "42" }
              ],
              "dateAdded": "2024-01-02T03:04:05.0000000+00:00"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body.GetRawText())), "The request body was " + body.GetRawText());
        Assert.Equal(expected!.AsObject().Select(p => p.Key), body.EnumerateObject().Select(p => p.Name));
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task The_unified_result_maps_HighLevels_answer()
    {
        await using var kit = await HighLevelKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());

        var record = Assert.Single(kit.HighLevel.Contacts.Records);
        Assert.Equal(record.Id, contact.Id);
        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace"), (contact.FirstName, contact.LastName, contact.Name));
        Assert.Equal("ada@example.com", Assert.Single(contact.EmailAddresses!).Email);
        // HighLevel keeps phone numbers in E.164.
        var phone = Assert.Single(contact.PhoneNumbers!);
        Assert.Equal(("+442079460958", "phone"), (phone.Number, phone.Type));
        var address = Assert.Single(contact.Addresses!);
        Assert.Equal(
            ("12 St James's Square", null, "London", "Greater London", "SW1Y 4LB", "GB"),
            (address.Street1, address.Street2, address.City, address.State, address.PostalCode, address.Country));
        Assert.Equal((null, "Analytical Engines Ltd"), (contact.Account!.Id, contact.Account.Name));
        Assert.Equal("y0BeYjuRIlDwsDcOHOJo", contact.Owner!.Id);
        Assert.Equal(["vip", "engine"], contact.Tags!.Select(t => t.Name));
        Assert.Equal(
            new Dictionary<string, object?> { ["6dvNaf7VhkQ9snc5vnjJ"] = "analytical", ["MgobCB14YMVKuE4Ka8p1"] = "42" },
            contact.CustomFields);
        // The emulator does not keep the undeclared dateAdded: the record's creation time is the create's.
        Assert.Equal(kit.Clock.GetUtcNow(), contact.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), contact.UpdatedAt);
        Assert.Empty(contact.Urls!);

        using var remote = contact.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal(kit.Sandbox.Options.HighLevelLocationId, remote.RootElement.GetProperty("locationId").GetString());
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task Every_response_field_the_matrix_supports_is_read_from_the_documented_answer()
    {
        await using var kit = await HighLevelKit.StartAsync();
        // The answer exactly as documented: CreateContactsSuccessfulResponseDto built from the examples of the OpenAPI description.
        var documented = OpenApiExamples.ResponseExample("apps/contacts.json", "/contacts/", "post", "201");
        kit.Sandbox.FailNextRequest(new CannedResponse(201, documented.GetRawText(), Provider: "highlevel"));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());

        using var unified = JsonDocument.Parse(JsonSerializer.Serialize(contact));
        foreach (var field in Matrix.ResponseSupported)
        {
            Assert.True(unified.RootElement.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null,
                $"The matrix lists '{field}' in HighLevel's response, but the unified contact read from the documented answer has no value for it.");
        }
        var example = documented.GetProperty("contact");
        Assert.Equal(example.GetProperty("id").GetString(), contact.Id);
        Assert.Equal(DateTimeOffset.Parse(example.GetProperty("dateAdded").GetString()!, System.Globalization.CultureInfo.InvariantCulture), contact.CreatedAt);
        Assert.Equal((example.GetProperty("businessId").GetString(), example.GetProperty("companyName").GetString()), (contact.Account!.Id, contact.Account.Name));
        Assert.Equal(example.GetProperty("assignedTo").GetString(), contact.Owner!.Id);
        Assert.Equal(example.GetProperty("website").GetString(), Assert.Single(contact.Urls!).Url);
        Assert.Equal(example.GetProperty("email").GetString(), Assert.Single(contact.EmailAddresses!).Email);
        Assert.Equal(example.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), contact.Tags!.Select(t => t.Name));
        var customField = example.GetProperty("customFields")[0];
        Assert.Equal(customField.GetProperty("value").GetString(), contact.CustomFields![customField.GetProperty("id").GetString()!]);
        // The documented answer has no full name: it is the first and last names joined.
        Assert.Equal($"{example.GetProperty("firstName").GetString()} {example.GetProperty("lastName").GetString()}", contact.Name);
    }

    [Fact]
    public async Task A_create_without_the_location_id_is_a_clear_error_before_any_request()
    {
        await using var kit = await HighLevelKit.StartAsync();

        foreach (var context in new[] { new Dictionary<string, string>(), new Dictionary<string, string> { ["location_id"] = "" } })
        {
            var account = kit.NewAccount(context);

            var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Contacts.CreateAsync(account, EveryField()));

            Assert.Contains("'location_id'", ex.Message);
            Assert.Contains("highlevel", ex.Message);
            Assert.Contains($"'{HighLevelKit.AccountId}'", ex.Message);
        }
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task The_workspace_may_come_with_the_request_instead_of_the_account()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var account = kit.NewAccount(new Dictionary<string, string>());
        var workspace = new CrmRequestOptions { Context = new Dictionary<string, string> { ["location_id"] = kit.Sandbox.Options.HighLevelLocationId } };

        var contact = await kit.Client.Contacts.CreateAsync(account, EveryField(), workspace);

        Assert.Equal(Assert.Single(kit.HighLevel.Contacts.Records).Id, contact.Id);
        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal(kit.Sandbox.Options.HighLevelLocationId, body.RootElement.GetProperty("locationId").GetString());
        kit.AssertRequestsFollowOpenApi();
    }

    public static TheoryData<string> RequiredFields() => new(Matrix.RequestRequired);

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_create_lacking_a_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await HighLevelKit.StartAsync();
        var withoutIt = EveryField();
        var emptyIt = EveryField();
        ClearField(withoutIt, field, empty: false);
        ClearField(emptyIt, field, empty: true);

        foreach (var contact in new[] { withoutIt, emptyIt })
        {
            var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

            Assert.Equal(field, ex.Field);
            Assert.Equal("highlevel", ex.Provider);
            Assert.Contains($"'{field}'", ex.Message);
            Assert.Contains("'highlevel'", ex.Message);
        }
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_duplicate_contact_is_HighLevels_400_as_a_provider_exception()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var first = await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, EveryField()));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("This location does not allow duplicated contacts.", ex.ProviderMessage);
        Assert.Null(ex.ProviderCode);
        Assert.Equal(("highlevel", HighLevelKit.AccountId), (ex.Provider, ex.AccountId));
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.Equal(400, raw.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(first.Id, raw.RootElement.GetProperty("meta").GetProperty("contactId").GetString());
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task An_invalid_body_is_HighLevels_422_with_its_first_message()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var contact = EveryField();
        contact.EmailAddresses = [new EmailAddress { Email = "not-an-email" }];

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal("Unprocessable Entity", ex.ProviderCode);
        Assert.Equal("email must be an email", ex.ProviderMessage);
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.Equal(JsonValueKind.Array, raw.RootElement.GetProperty("message").ValueKind);
        Assert.Empty(kit.HighLevel.Contacts.Records);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task Where_HighLevel_refuses_undeclared_properties_created_at_is_its_422_and_without_it_the_create_passes()
    {
        await using var kit = await HighLevelKit.StartAsync();
        kit.HighLevel.RejectUndeclaredProperties = true;

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, EveryField()));

        Assert.Equal(422, ex.StatusCode);
        Assert.Equal("property dateAdded should not exist", ex.ProviderMessage);
        var withoutCreatedAt = EveryField();
        withoutCreatedAt.CreatedAt = null;
        await kit.Client.Contacts.CreateAsync(kit.Account, withoutCreatedAt);
        Assert.Single(kit.HighLevel.Contacts.Records);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await HighLevelKit.StartAsync();
        const string wrongToken = "pit-00000000-dead-beef-0000-000000000000";
        var account = kit.NewAccount(kit.Account.Context, wrongToken);

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, EveryField()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("Unauthorized", ex.ProviderCode);
        Assert.Equal("Invalid token: access token is invalid", ex.ProviderMessage);
        Assert.Contains($"'{HighLevelKit.AccountId}'", ex.Message);
        Assert.Contains("'highlevel'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
        Assert.Equal("Bearer " + wrongToken, Assert.Single(kit.Sandbox.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Another_location_than_the_tokens_is_HighLevels_403()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var account = kit.WithContext(("location_id", "someOtherLocation01"));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, EveryField()));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("The token does not have access to this location.", ex.ProviderMessage);
        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal("someOtherLocation01", body.RootElement.GetProperty("locationId").GetString());
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task A_429_is_retried_after_the_interval_HighLevels_rate_limit_headers_give()
    {
        FastForwardClock? clientClock = null;
        await using var kit = await HighLevelKit.StartAsync(
            o => o.HighLevelRequestsPerTenSeconds = 1,
            clock => new CrmClientOptions { TimeProvider = clientClock = new FastForwardClock(clock), Timeout = Timeout.InfiniteTimeSpan });
        await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());
        var started = kit.Clock.GetUtcNow();

        var second = await kit.Client.Contacts.CreateAsync(kit.Account, Second());

        // Refused (X-RateLimit-Remaining: 0), then sent again once the 10 s window
        // (X-RateLimit-Interval-Milliseconds) had passed: a 429 created nothing.
        Assert.Equal(3, kit.Sandbox.Requests.Count);
        Assert.Equal(kit.Sandbox.Requests[1].BodyText, kit.Sandbox.Requests[2].BodyText);
        Assert.Equal([TimeSpan.FromSeconds(10)], clientClock!.Waits);
        Assert.Equal(started + TimeSpan.FromSeconds(10), kit.Clock.GetUtcNow());
        Assert.Equal(2, kit.HighLevel.Contacts.Records.Count);
        Assert.Equal(kit.HighLevel.Contacts.Records[1].Id, second.Id);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task Without_retries_the_burst_limit_is_HighLevels_429_with_the_wait_it_asks_for()
    {
        await using var kit = await HighLevelKit.StartAsync(
            o => o.HighLevelRequestsPerTenSeconds = 1,
            _ => new CrmClientOptions { Retry = new CrmRetryOptions { MaxAttempts = 1 } });
        await kit.Client.Contacts.CreateAsync(kit.Account, EveryField());

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, Second()));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), ex.RetryAfter);
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Single(kit.HighLevel.Contacts.Records);
        kit.AssertRequestsFollowOpenApi();
    }

    // Another contact than EveryField's (no shared e-mail or phone).
    private static Contact Second()
    {
        var contact = EveryField();
        contact.EmailAddresses = [new EmailAddress { Email = "charles@example.com" }];
        contact.PhoneNumbers = null;
        return contact;
    }

    [Fact]
    public async Task A_server_error_keeps_the_raw_body_and_is_not_repeated()
    {
        await using var kit = await HighLevelKit.StartAsync();
        const string body = """{"statusCode":500,"message":"Internal server error"}""";
        kit.Sandbox.FailNextRequest(500, body, provider: "highlevel");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, EveryField()));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("Internal server error", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Single(kit.Sandbox.Requests);
        kit.AssertRequestsFollowOpenApi();
    }

    private static void ClearField(Contact contact, string field, bool empty)
    {
        var json = JsonSerializer.SerializeToNode(contact)!.AsObject();
        Assert.True(json.ContainsKey(field), $"The unified contact has no field '{field}'.");
        json[field] = empty && json[field] is JsonArray ? new JsonArray() : empty && json[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create("") : null;
        var cleared = json.Deserialize<Contact>()!;
        foreach (var property in typeof(Contact).GetProperties()) property.SetValue(contact, property.GetValue(cleared));
    }
}
