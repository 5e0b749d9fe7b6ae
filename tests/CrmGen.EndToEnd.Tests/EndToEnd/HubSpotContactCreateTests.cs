using System.Text.Json;

namespace CrmGen.EndToEnd.Tests.EndToEnd;

/// <summary>HubSpot contact create through <see cref="CrmClient"/>, the generated adapter and the sandbox, over loopback HTTP.</summary>
public class HubSpotContactCreateTests
{
    private static Contact Ada() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "Analyst",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com", Type = "work" }],
        PhoneNumbers =
        [
            new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" },
            new PhoneNumber { Number = "+44 7700 900123", Type = "mobile" },
        ],
        Addresses =
        [
            new Address { Street1 = "12 St James's Square", City = "London", State = "Greater London", PostalCode = "SW1Y 4LB", Country = "United Kingdom" },
        ],
        CustomFields = new Dictionary<string, object?> { ["favourite_engine"] = "analytical" },
        Account = new AccountReference { Id = "9001" },
    };

    [Fact]
    public async Task The_provider_request_is_exactly_what_HubSpot_documents()
    {
        await using var kit = await EndToEndKit.StartAsync();

        await kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada());

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("hubspot", request.Provider);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/crm/v3/objects/contacts", request.PathAndQuery);
        Assert.Equal("Bearer " + kit.Sandbox.Options.HubSpotAccessToken, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal(request.Body.Length.ToString(), request.Header("Content-Length"));

        using var body = request.ParseBody();
        Assert.Equal(["properties", "associations"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["firstname"] = "Ada",
                ["lastname"] = "Lovelace",
                ["email"] = "ada@example.com",
                ["jobtitle"] = "Analyst",
                ["phone"] = "+44 20 7946 0958",
                ["mobilephone"] = "+44 7700 900123",
                ["address"] = "12 St James's Square",
                ["city"] = "London",
                ["state"] = "Greater London",
                ["zip"] = "SW1Y 4LB",
                ["country"] = "United Kingdom",
                ["favourite_engine"] = "analytical",
            },
            body.RootElement.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        Assert.Equal(
            """[{"to":{"id":"9001"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":1}]}]""",
            body.RootElement.GetProperty("associations").GetRawText());
    }

    [Fact]
    public async Task The_unified_result_carries_every_mapped_field_and_the_remote_data()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada());

        var record = Assert.Single(kit.Sandbox.HubSpot.Contacts.Records);
        Assert.Equal(record.Id, contact.Id);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal("Lovelace", contact.LastName);
        Assert.Equal("Ada Lovelace", contact.Name);
        Assert.Equal("Analyst", contact.Title);
        var email = Assert.Single(contact.EmailAddresses!);
        Assert.Equal(("ada@example.com", "work"), (email.Email, email.Type));
        Assert.Equal(
            [("+44 20 7946 0958", "phone"), ("+44 7700 900123", "mobile")],
            contact.PhoneNumbers!.Select(p => (p.Number, p.Type)));
        var address = Assert.Single(contact.Addresses!);
        Assert.Equal(
            ("12 St James's Square", "London", "Greater London", "SW1Y 4LB", "United Kingdom"),
            (address.Street1, address.City, address.State, address.PostalCode, address.Country));
        Assert.Equal("analytical", contact.CustomFields!["favourite_engine"]?.ToString());
        Assert.Equal(kit.Clock.GetUtcNow(), contact.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), contact.UpdatedAt);

        Assert.NotNull(contact.RemoteData);
        using var remote = contact.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal("ada@example.com", remote.RootElement.GetProperty("properties").GetProperty("email").GetString());
        Assert.False(remote.RootElement.GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out_and_keeps_the_rest()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada(), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(contact.RemoteData);
        Assert.Equal(Assert.Single(kit.Sandbox.HubSpot.Contacts.Records).Id, contact.Id);
        Assert.Equal("Ada", contact.FirstName);
    }

    [Fact]
    public async Task The_result_serialises_with_the_unified_wire_names()
    {
        await using var kit = await EndToEndKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(contact));

        Assert.Equal("Ada", json.RootElement.GetProperty("first_name").GetString());
        Assert.Equal("ada@example.com", json.RootElement.GetProperty("email_addresses")[0].GetProperty("email").GetString());
        Assert.Equal(contact.Id, json.RootElement.GetProperty("remote_data").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("email_addresses")]
    public async Task A_missing_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await EndToEndKit.StartAsync();
        var contact = Ada();
        if (field == "first_name") contact.FirstName = null;
        else contact.EmailAddresses = null;

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.HubSpot, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal("hubspot", ex.Provider);
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'hubspot'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_duplicate_email_is_a_provider_exception_with_HubSpots_status_category_message_and_body()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var first = await kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada());

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada()));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("CONFLICT", ex.ProviderCode);
        Assert.Equal($"Contact already exists. Existing ID: {first.Id}", ex.ProviderMessage);
        Assert.Equal("hubspot", ex.Provider);
        Assert.Equal("acme-hubspot", ex.AccountId);
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.Equal("error", raw.RootElement.GetProperty("status").GetString());
        Assert.True(raw.RootElement.TryGetProperty("correlationId", out _));
        Assert.Equal(2, kit.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await EndToEndKit.StartAsync();
        const string wrongToken = "pat-na1-00000000-dead-beef-0000-000000000000";
        var account = EndToEndKit.WithCredentials(kit.HubSpot, CrmCredentials.AccessToken(wrongToken));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, Ada()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("INVALID_AUTHENTICATION", ex.ProviderCode);
        Assert.Contains("refused the credentials of integrated account 'acme-hubspot'", ex.Message);
        Assert.Contains("'hubspot'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
        Assert.Equal("Bearer " + wrongToken, Assert.Single(kit.Sandbox.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_server_error_is_not_retried_and_keeps_the_raw_body()
    {
        await using var kit = await EndToEndKit.StartAsync();
        const string body = """{"status":"error","message":"internal error","correlationId":"1b7a2c44-0000-4000-8000-000000000000","category":"INTERNAL_ERROR"}""";
        kit.Sandbox.FailNextRequest(500, body, provider: "hubspot");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.HubSpot, Ada()));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("INTERNAL_ERROR", ex.ProviderCode);
        Assert.Equal("internal error", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
        Assert.Single(kit.Sandbox.Requests);
        Assert.Empty(kit.Sandbox.HubSpot.Contacts.Records);
    }
}
