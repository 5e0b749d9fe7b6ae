using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// Which HubSpot properties are custom fields: HubSpot's own record properties that carry a
/// unified field (hs_object_id, createdate, lastmodifieddate) are mapped, never custom fields;
/// every other property, hs_-prefixed ones included, is.
/// </summary>
public class HubSpotContactsCustomFieldsTests
{
    private static Contact Ada(Dictionary<string, object?>? customFields = null) => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com" }],
        CustomFields = customFields,
    };

    [Fact]
    public async Task HubSpots_own_record_properties_are_not_custom_fields()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Ada(new() { ["favourite_engine"] = "analytical" }));

        // The emulator answered with createdate, lastmodifieddate and hs_object_id among the properties.
        using var remote = contact.RemoteData!.Parse();
        var returned = remote.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("createdate", returned);
        Assert.Contains("lastmodifieddate", returned);
        Assert.Contains("hs_object_id", returned);
        Assert.Equal(["favourite_engine"], contact.CustomFields!.Keys);
        Assert.Equal("analytical", contact.CustomFields["favourite_engine"]);
    }

    [Fact]
    public async Task A_HubSpot_defined_property_set_through_custom_fields_is_written_and_reads_back()
    {
        await using var kit = await HubSpotKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Ada(new() { ["hs_lead_status"] = "NEW", ["lifecyclestage"] = "lead" }));

        using var body = kit.SingleRequest().ParseBody();
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal("NEW", properties.GetProperty("hs_lead_status").GetString());
        Assert.Equal("lead", properties.GetProperty("lifecyclestage").GetString());
        Assert.Equal(["hs_lead_status", "lifecyclestage"], contact.CustomFields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("NEW", contact.CustomFields["hs_lead_status"]);
    }

    [Fact]
    public async Task A_custom_field_named_like_a_mapped_property_does_not_override_the_mapping()
    {
        await using var kit = await HubSpotKit.StartAsync();

        await kit.Client.Contacts.CreateAsync(kit.Account, Ada(new() { ["firstname"] = "Augusta", ["createdate"] = "1815-12-10" }));

        using var body = kit.SingleRequest().ParseBody();
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal("Ada", properties.GetProperty("firstname").GetString());
        Assert.Equal(1, properties.EnumerateObject().Count(p => p.Name == "firstname"));
        Assert.False(properties.TryGetProperty("createdate", out _));
    }

    [Fact]
    public async Task The_record_timestamps_and_id_come_from_hubspots_own_properties_first()
    {
        await using var kit = await HubSpotKit.StartAsync();
        // The property values differ from the top-level copies, and the top-level id is missing.
        kit.Sandbox.FailNextRequest(new CannedResponse(201, """
            {"properties":{"createdate":"2020-01-01T00:00:00.000Z","email":"ada@example.com","firstname":"Ada","hs_object_id":"777",
            "lastmodifieddate":"2020-02-02T00:00:00.000Z","hs_is_unworked":"true"},
            "createdAt":"2021-01-01T00:00:00.000Z","updatedAt":"2021-02-02T00:00:00.000Z","archived":false}
            """, "application/json", "hubspot"));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Ada());

        Assert.Equal("777", contact.Id);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(new DateTimeOffset(2020, 2, 2, 0, 0, 0, TimeSpan.Zero), contact.UpdatedAt);
        // A HubSpot-calculated property without a unified field is a custom field, as returned.
        Assert.Equal(["hs_is_unworked"], contact.CustomFields!.Keys);
        Assert.Equal("true", contact.CustomFields["hs_is_unworked"]);
    }

    [Fact]
    public async Task Without_hubspots_own_properties_the_top_level_id_and_timestamps_are_used()
    {
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201, """
            {"id":"778","properties":{"email":"ada@example.com","firstname":"Ada"},
            "createdAt":"2021-01-01T00:00:00.000Z","updatedAt":"2021-02-02T00:00:00.000Z","archived":false}
            """, "application/json", "hubspot"));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, Ada());

        Assert.Equal("778", contact.Id);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(new DateTimeOffset(2021, 2, 2, 0, 0, 0, TimeSpan.Zero), contact.UpdatedAt);
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public async Task A_given_created_at_is_written_as_createdate_and_kept_by_hubspot()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var createdAt = new DateTimeOffset(2023, 6, 1, 12, 30, 0, TimeSpan.Zero);
        var input = Ada();
        input.CreatedAt = createdAt;

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, input);

        using var body = kit.SingleRequest().ParseBody();
        Assert.Equal(createdAt, DateTimeOffset.Parse(body.RootElement.GetProperty("properties").GetProperty("createdate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(createdAt, contact.CreatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), contact.UpdatedAt);
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public async Task An_invalid_email_is_hubspots_validation_error_with_its_category_and_message()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var input = Ada();
        input.EmailAddresses = [new EmailAddress { Email = "not-an-email" }];

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, input));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("VALIDATION_ERROR", ex.ProviderCode);
        Assert.Contains("Email address not-an-email is invalid", ex.ProviderMessage);
        using var raw = JsonDocument.Parse(ex.RawBody);
        Assert.Equal("INVALID_EMAIL", raw.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_malformed_answer_is_a_mapping_error_naming_provider_and_resource()
    {
        await using var kit = await HubSpotKit.StartAsync();
        kit.Sandbox.FailNextRequest(new CannedResponse(201, """{"id":"1","properties":{"createdate":"not a date"}}""", "application/json", "hubspot"));

        var ex = await Assert.ThrowsAsync<CrmMappingException>(() => kit.Client.Contacts.CreateAsync(kit.Account, Ada()));

        Assert.Equal("hubspot", ex.Provider);
        Assert.Equal("contacts", ex.Resource);
        Assert.Contains("createdate", ex.JsonPath);
    }
}
