using System.Text.Json;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// HubSpot contacts create against the seed matrix itself: the fields the mapping writes, reads
/// and requires are the matrix's HubSpot column, and each one really travels over HTTP.
/// </summary>
public class HubSpotContactsMatrixTests
{
    private const string MatrixName = "HubSpot";

    private static readonly ContactsCreateMatrix Matrix = ContactsCreateMatrix.Load();

    // A sample value per unified request field, and a text that only that value puts among the body's values.
    private static readonly Dictionary<string, (Action<Contact> Set, string Token)> Samples = new()
    {
        ["account"] = (c => c.Account = new AccountReference { Id = "90017" }, "90017"),
        ["addresses"] = (c => c.Addresses = [new Address { City = "Cambridge" }], "Cambridge"),
        ["created_at"] = (c => c.CreatedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), "2024-01-02T03:04:05"),
        ["custom_fields"] = (c => c.CustomFields = new Dictionary<string, object?> { ["favourite_engine"] = "analytical" }, "analytical"),
        ["email_addresses"] = (c => c.EmailAddresses = [new EmailAddress { Email = "ada@example.com", Type = "work" }], "ada@example.com"),
        ["first_name"] = (c => c.FirstName = "Ada", "Ada"),
        ["last_name"] = (c => c.LastName = "Lovelace", "Lovelace"),
        ["name"] = (c => c.Name = "Augusta Byron", "Byron"),
        ["phone_numbers"] = (c => c.PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" }], "+44 20 7946 0958"),
        ["title"] = (c => c.Title = "Analyst", "Analyst"),
    };

    public static TheoryData<string> RequestFields() => new(Matrix.RequestSupported(MatrixName));

    public static TheoryData<string> RequiredFields() => new(Matrix.RequestRequired(MatrixName));

    public static TheoryData<string> ResponseFields() => new(Matrix.ResponseSupported(MatrixName));

    private static CrmOperation Operation => HubSpotProvider.Instance.FindOperation("contacts", "create")!;

    [Fact]
    public void Requires_is_exactly_the_matrix_required_list()
        => Assert.Equal(Matrix.RequestRequired(MatrixName), Operation.RequiredFields.Order(StringComparer.Ordinal));

    [Fact]
    public void The_request_mapping_writes_exactly_the_matrix_supported_fields()
        => Assert.Equal(Matrix.RequestSupported(MatrixName), Operation.WrittenFields.Order(StringComparer.Ordinal));

    [Fact]
    public void The_response_mapping_reads_exactly_the_matrix_supported_fields()
        => Assert.Equal(Matrix.ResponseSupported(MatrixName), Operation.ReadFields.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RequestFields))]
    public async Task Each_supported_request_field_reaches_HubSpot(string field)
    {
        Assert.True(Samples.ContainsKey(field), $"No sample value for the matrix field '{field}'.");
        var token = Samples[field].Token;
        var contact = WithRequiredFields();
        Samples[field].Set(contact);

        var without = await SentValuesAsync(WithRequiredFields());
        var with = await SentValuesAsync(contact);

        Assert.Contains(with, value => value.Contains(token, StringComparison.Ordinal));
        if (Matrix.RequestRequired(MatrixName).Contains(field))
        {
            Assert.Contains(without, value => value.Contains(token, StringComparison.Ordinal));
        }
        else
        {
            Assert.DoesNotContain(without, value => value.Contains(token, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_create_without_a_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await HubSpotKit.StartAsync();
        var contact = Full();
        typeof(Contact).GetProperties()
            .Single(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Any(a => a.Name == field))
            .SetValue(contact, null);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal("hubspot", ex.Provider);
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'hubspot'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_contact_with_only_the_required_fields_is_created()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, WithRequiredFields());

        Assert.Equal(Assert.Single(kit.HubSpot.Contacts.Records).Id, contact.Id);
        using var body = JsonDocument.Parse(kit.SingleRequest().Body);
        Assert.Equal(["properties"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["firstname", "email"], body.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(ResponseFields))]
    public async Task Each_supported_response_field_is_read_from_HubSpots_answer(string field)
    {
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201, FullHubSpotRecord, "application/json;charset=utf-8", "hubspot"));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Full());

        using var unified = JsonDocument.Parse(JsonSerializer.Serialize(contact));
        Assert.True(unified.RootElement.TryGetProperty(field, out var value), $"The unified contact has no '{field}'.");
        Assert.NotEqual(JsonValueKind.Null, value.ValueKind);
        if (value.ValueKind == JsonValueKind.Array) Assert.NotEqual(0, value.GetArrayLength());
    }

    [Fact]
    public async Task HubSpots_answer_maps_to_these_unified_values()
    {
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201, FullHubSpotRecord, "application/json;charset=utf-8", "hubspot"));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Full());

        Assert.Equal("512", contact.Id);
        Assert.Equal(("Ada", "Lovelace", "Ada Lovelace", "Analyst"), (contact.FirstName, contact.LastName, contact.Name, contact.Title));
        Assert.Equal(("ada@example.com", "work"), (contact.EmailAddresses![0].Email, contact.EmailAddresses[0].Type));
        Assert.Equal([("+44 20 7946 0958", "phone"), ("+44 7700 900123", "mobile")], contact.PhoneNumbers!.Select(p => (p.Number, p.Type)));
        var address = Assert.Single(contact.Addresses!);
        Assert.Equal(("12 St James's Square", "London", "Greater London", "SW1Y 4LB", "United Kingdom"),
            (address.Street1, address.City, address.State, address.PostalCode, address.Country));
        Assert.Equal(("9001", "Analytical Engines Ltd"), (contact.Account!.Id, contact.Account.Name));
        Assert.Equal(DateTimeOffset.Parse("2019-10-30T03:30:17.883Z"), contact.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2019-12-07T16:50:06.678Z"), contact.UpdatedAt);
        Assert.Equal(DateTimeOffset.Parse("2019-12-01T10:00:00.000Z"), contact.LastActivityAt);
        Assert.Equal(["favourite_engine"], contact.CustomFields!.Keys);
    }

    // The scalar values of the body of the one request a create sends to a fresh sandbox.
    private static async Task<List<string>> SentValuesAsync(Contact contact)
    {
        await using var kit = await HubSpotKit.StartAsync();
        await kit.Client.Contacts.CreateAsync(kit.Account, contact);
        var request = kit.SingleRequest();
        Assert.Equal(("POST", "/crm/v3/objects/contacts"), (request.Method, request.PathAndQuery));
        var values = new List<string>();
        Collect(HubSpotKit.Body(request), values);
        return values;
    }

    private static void Collect(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Collect(property.Value, values);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, values);
                break;
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            default:
                values.Add(element.GetRawText());
                break;
        }
    }

    private static Contact WithRequiredFields() => new()
    {
        FirstName = "Ada",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com" }],
    };

    private static Contact Full()
    {
        var contact = new Contact();
        foreach (var (_, sample) in Samples) sample.Set(contact);
        return contact;
    }

    private const string FullHubSpotRecord = """
        {"id":"512","properties":{"address":"12 St James's Square","associatedcompanyid":"9001","city":"London","company":"Analytical Engines Ltd",
        "country":"United Kingdom","createdate":"2019-10-30T03:30:17.883Z","email":"ada@example.com","favourite_engine":"analytical",
        "firstname":"Ada","hs_object_id":"512","jobtitle":"Analyst","lastmodifieddate":"2019-12-07T16:50:06.678Z","lastname":"Lovelace",
        "mobilephone":"+44 7700 900123","notes_last_updated":"2019-12-01T10:00:00.000Z","phone":"+44 20 7946 0958","state":"Greater London",
        "zip":"SW1Y 4LB"},"createdAt":"2019-10-30T03:30:17.883Z","updatedAt":"2019-12-07T16:50:06.678Z","archived":false}
        """;
}
