using System.Text;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.EndToEnd;
using CrmGen.EndToEnd.Tests.Matrix;
using CrmGen.EndToEnd.Tests.Pipedrive;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.CloseContacts;

/// <summary>
/// Close contact create through <see cref="CrmClient"/>, the generated adapter and the sandbox, over
/// loopback HTTP; field coverage is checked against the seed matrix file.
/// </summary>
public class CloseContactCreateTests
{
    private const string Provider = "Close";

    private static CrmOperation Operation => CloseProvider.Instance.FindOperation("contacts", "create")!;

    /// <summary>A contact with every field the Close column of the matrix supports on create, under <paramref name="lead"/>.</summary>
    private static Contact FullContact(CloseLead lead) => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "Analyst",
        Account = new AccountReference { Id = lead.Id },
        EmailAddresses =
        [
            new EmailAddress { Email = "ada@example.com", Type = "work" },
            new EmailAddress { Email = "ada@home.example", Type = "personal" },
        ],
        PhoneNumbers =
        [
            new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" },
            new PhoneNumber { Number = "+1 415 555 2671", Type = "mobile" },
        ],
        CreatedAt = new DateTimeOffset(2024, 5, 1, 14, 30, 15, TimeSpan.FromHours(2)),
        CustomFields = new Dictionary<string, object?> { ["cf_engine"] = "analytical", ["custom.cf_size"] = 7L },
    };

    [Fact]
    public async Task The_provider_request_is_exactly_what_Close_documents()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd");

        await kit.Client.Contacts.CreateAsync(kit.Close, FullContact(lead));

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("close", request.Provider);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/contact/", request.PathAndQuery);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(kit.Sandbox.Options.CloseApiKey + ":"));
        Assert.Equal("Basic " + basic, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var expected = "{\"lead_id\":\"" + lead.Id + "\",\"name\":\"Ada Lovelace\",\"title\":\"Analyst\","
            + "\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"office\"},{\"email\":\"ada@home.example\",\"type\":\"home\"}],"
            + "\"phones\":[{\"phone\":\"+44 20 7946 0958\",\"type\":\"office\"},{\"phone\":\"+1 415 555 2671\",\"type\":\"mobile\"}],"
            + "\"date_created\":\"2024-05-01T14:30:15.0000000+02:00\","
            + "\"custom.cf_engine\":\"analytical\",\"custom.cf_size\":7}";
        Assert.Equal(expected, JsonText.Canonical(request.BodyText));
    }

    [Fact]
    public async Task The_unified_result_carries_every_mapped_field_and_the_remote_data()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, FullContact(lead));

        var record = Assert.Single(kit.Sandbox.Close.Contacts.Records);
        Assert.Equal(record.Id, contact.Id);
        Assert.Matches("^cont_[0-9A-Za-z]{22}$", contact.Id);
        Assert.Equal("Ada Lovelace", contact.Name);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal("Lovelace", contact.LastName);
        Assert.Equal("Analyst", contact.Title);
        Assert.Equal(lead.Id, contact.Account!.Id);
        Assert.Equal([("ada@example.com", "work"), ("ada@home.example", "home")], contact.EmailAddresses!.Select(e => (e.Email, e.Type)));
        // Close stores numbers in E.164.
        Assert.Equal([("+442079460958", "work"), ("+14155552671", "mobile")], contact.PhoneNumbers!.Select(p => (p.Number, p.Type)));
        Assert.Empty(contact.Urls!);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), contact.UpdatedAt);
        Assert.Equal("analytical", contact.CustomFields!["custom.cf_engine"]);
        Assert.Equal(7L, contact.CustomFields!["custom.cf_size"]);

        using var remote = contact.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal(kit.Sandbox.Close.OrganizationId, remote.RootElement.GetProperty("organization_id").GetString());
    }

    /// <summary>A Close contact as the "Fetch a single contact" reference shows one, with a URL and a custom field.</summary>
    private const string DocumentedContact = """
        {"id":"cont_qpjDKxbN3WWsuhaJjg2Qr9pkqHqe1yviZ5BS0dEyz05","organization_id":"orga_bwwWG475zqWiQGur0thQshwVXo8rIYecQHDWFanqhen",
         "lead_id":"lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O","name":"Gob Bluth","title":"sr. vice president","display_name":"Gob Bluth",
         "emails":[{"type":"office","email":"gob@example.com","is_unsubscribed":false}],
         "phones":[{"phone":"+18004445555","phone_formatted":"+1 800-444-5555","type":"direct","country":"US"}],
         "urls":[{"url":"https://bluth.example.com","type":"url"}],
         "date_created":"2013-02-20T05:30:24.844000+00:00","date_updated":"2013-02-20T05:30:24.854000+00:00",
         "created_by":"user_MvDoAZA889UMrgsZbnXmHkJSomSi7qk2Iwc4JnGHTbo","updated_by":"user_MvDoAZA889UMrgsZbnXmHkJSomSi7qk2Iwc4JnGHTbo",
         "integration_links":[],"custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c":"magician"}
        """;

    [Fact]
    public async Task A_documented_contact_reads_urls_types_dates_and_custom_fields()
    {
        await using var kit = await EndToEndKit.StartAsync();
        kit.Sandbox.FailNextRequest(200, DocumentedContact, provider: "close");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, new Contact { FirstName = "Gob", Account = new AccountReference { Id = "lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O" } });

        Assert.Equal(("Gob", "Bluth"), (contact.FirstName, contact.LastName));
        Assert.Equal([("https://bluth.example.com", "url")], contact.Urls!.Select(u => (u.Url, u.Type)));
        Assert.Equal([("+18004445555", "work")], contact.PhoneNumbers!.Select(p => (p.Number, p.Type)));
        Assert.Equal([("gob@example.com", "work")], contact.EmailAddresses!.Select(e => (e.Email, e.Type)));
        Assert.Equal(new DateTimeOffset(2013, 2, 20, 5, 30, 24, 844, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(new DateTimeOffset(2013, 2, 20, 5, 30, 24, 854, TimeSpan.Zero), contact.UpdatedAt);
        Assert.Equal("magician", contact.CustomFields!["custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c"]);
    }

    [Fact]
    public void The_operation_requires_writes_and_reads_exactly_the_Close_column_of_the_matrix()
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
        await using var kit = await EndToEndKit.StartAsync();
        var contact = FullContact(kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd"));
        UnifiedFields.Clear(contact, field);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Close, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal("close", ex.Provider);
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'close'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_account_without_an_id_is_a_missing_account(string? id)
    {
        await using var kit = await EndToEndKit.StartAsync();
        var contact = FullContact(kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd"));
        contact.Account = new AccountReference { Id = id, Name = "Analytical Engines Ltd" };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Close, contact));

        Assert.Equal("account", ex.Field);
        Assert.Equal("close", ex.Provider);
        Assert.Empty(kit.Sandbox.Requests);
        Assert.Single(kit.Sandbox.Close.Contacts.Leads);
    }

    /// <summary>For every request field of the matrix: a change that must reach the provider request.</summary>
    private static readonly Dictionary<string, Action<Contact>> Changes = new()
    {
        ["account"] = c => c.Account = new AccountReference { Id = "lead_other" },
        ["created_at"] = c => c.CreatedAt = c.CreatedAt!.Value.AddDays(1),
        ["custom_fields"] = c => c.CustomFields = null,
        ["email_addresses"] = c => c.EmailAddresses!.RemoveAt(1),
        ["first_name"] = c => c.FirstName = "Augusta",
        ["last_name"] = c => c.LastName = "King",
        ["name"] = c => c.Name = "Augusta Ada King",
        ["phone_numbers"] = c => c.PhoneNumbers!.RemoveAt(0),
        ["title"] = c => c.Title = null,
    };

    public static TheoryData<string> SupportedRequestFields() => new(ContactsCreateMatrix.Instance.SupportedRequestFields(Provider));

    [Theory]
    [MemberData(nameof(SupportedRequestFields))]
    public async Task Every_supported_request_field_reaches_the_Close_request(string field)
    {
        Assert.True(Changes.ContainsKey(field), $"No change is defined for the matrix field '{field}'.");
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd");
        var changed = FullContact(lead);
        Changes[field](changed);

        await kit.Client.Contacts.CreateAsync(kit.Close, FullContact(lead));
        try
        {
            await kit.Client.Contacts.CreateAsync(kit.Close, changed);
        }
        catch (CrmProviderException)
        {
            // An unknown lead is refused by Close; the request was still sent as mapped.
        }

        var requests = kit.Sandbox.Requests;
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0].BodyText, requests[1].BodyText);
    }

    public static TheoryData<string> SupportedResponseFields() => new(ContactsCreateMatrix.Instance.SupportedResponseFields(Provider));

    [Theory]
    [MemberData(nameof(SupportedResponseFields))]
    public async Task Every_supported_response_field_is_in_the_unified_record(string field)
    {
        await using var kit = await EndToEndKit.StartAsync();
        kit.Sandbox.FailNextRequest(200, DocumentedContact, provider: "close");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, FullContact(kit.Sandbox.Close.Contacts.AddLead("Bluth Company")));

        Assert.True(UnifiedFields.HasValue(contact, field), $"'{field}' is empty in {JsonSerializer.Serialize(contact)}");
    }

    [Fact]
    public async Task An_unknown_lead_is_a_provider_exception_with_closes_field_errors_in_the_raw_body()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var contact = FullContact(kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd"));
        contact.Account = new AccountReference { Id = "lead_doesnotexist" };

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Close, contact));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("close", ex.Provider);
        Assert.Equal("acme-close", ex.AccountId);
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.Equal("Object does not exist.", raw.RootElement.GetProperty("field-errors").GetProperty("lead_id").GetString());
        Assert.Empty(kit.Sandbox.Close.Contacts.Records);
    }

    [Fact]
    public async Task A_refused_api_key_names_account_and_provider_but_never_the_key()
    {
        await using var kit = await EndToEndKit.StartAsync();
        const string wrongKey = "api_3kWb9QZ0000000000000.1111111111111111111111";
        var account = EndToEndKit.WithCredentials(kit.Close, CrmCredentials.ApiKey(wrongKey));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() =>
            kit.Client.Contacts.CreateAsync(account, FullContact(kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd"))));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("Unauthorized", ex.ProviderMessage);
        Assert.Contains("refused the credentials of integrated account 'acme-close'", ex.Message);
        Assert.DoesNotContain(wrongKey, ex.ToString());
        Assert.Empty(kit.Sandbox.Close.Contacts.Records);
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out_and_keeps_the_rest()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, FullContact(lead), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(contact.RemoteData);
        Assert.Equal(lead.Id, contact.Account!.Id);
    }

    [Fact]
    public async Task A_malformed_body_is_a_mapping_exception_naming_provider_and_resource()
    {
        await using var kit = await EndToEndKit.StartAsync();
        kit.Sandbox.FailNextRequest(200, """{"id":"cont_x","emails":{"email":"not-a-list"}}""", provider: "close");

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() =>
            kit.Client.Contacts.CreateAsync(kit.Close, FullContact(kit.Sandbox.Close.Contacts.AddLead("Analytical Engines Ltd"))));

        Assert.Equal("close", ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.Contains("emails", ex.JsonPath);
    }
}
