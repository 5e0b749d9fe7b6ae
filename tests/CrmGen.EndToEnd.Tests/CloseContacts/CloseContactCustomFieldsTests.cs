using System.Text.Json;
using CrmGen.EndToEnd.Tests.EndToEnd;

namespace CrmGen.EndToEnd.Tests.CloseContacts;

/// <summary>
/// Close contact custom fields over loopback: the catch-all collects only Close's own custom
/// keys ("custom.cf_…", kept as Close gives them), never the standard keys of the record that no
/// other row reads.
/// </summary>
public class CloseContactCustomFieldsTests
{
    /// <summary>Standard keys of a Close contact that no mapping row reads.</summary>
    private static readonly string[] UnreadStandardKeys =
        ["organization_id", "display_name", "created_by", "updated_by", "integration_links", "lead_suggestions_operation_id", "timezone"];

    private static Contact Gob(string leadId, Dictionary<string, object?>? customFields) => new()
    {
        FirstName = "Gob",
        LastName = "Bluth",
        Account = new AccountReference { Id = leadId },
        CustomFields = customFields,
    };

    private static string[] TopLevelKeys(Contact contact)
    {
        using var remote = contact.RemoteData!.Parse();
        return remote.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }

    [Fact]
    public async Task Custom_fields_hold_exactly_the_custom_keys_of_the_record()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id, new Dictionary<string, object?>
        {
            ["cf_magic"] = "illusion",
            ["custom.cf_seasons"] = 4L,
            ["cf_props"] = JsonDocument.Parse("""["dove","bees"]""").RootElement,
        }));

        var keys = TopLevelKeys(contact);
        // The sandbox answers with Close's standard keys beside the custom ones.
        Assert.All(UnreadStandardKeys, key => Assert.Contains(key, keys));
        Assert.Equal(
            keys.Where(k => k.StartsWith("custom.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            contact.CustomFields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["custom.cf_magic", "custom.cf_props", "custom.cf_seasons"], contact.CustomFields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("illusion", contact.CustomFields["custom.cf_magic"]);
        Assert.Equal(4L, contact.CustomFields["custom.cf_seasons"]);
        Assert.Equal(2, Assert.IsType<JsonElement>(contact.CustomFields["custom.cf_props"]).GetArrayLength());
        Assert.DoesNotContain(contact.CustomFields.Keys, UnreadStandardKeys.Contains);
    }

    [Fact]
    public async Task A_contact_without_custom_fields_has_none_although_standard_keys_go_unread()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id, null));

        Assert.All(UnreadStandardKeys, key => Assert.Contains(key, TopLevelKeys(contact)));
        Assert.Null(contact.CustomFields);
        Assert.Equal(lead.Id, contact.Account!.Id);
    }

    [Fact]
    public async Task A_documented_contact_has_only_its_custom_field()
    {
        await using var kit = await EndToEndKit.StartAsync();
        kit.Sandbox.FailNextRequest(200, """
            {"id":"cont_qpjDKxbN3WWsuhaJjg2Qr9pkqHqe1yviZ5BS0dEyz05","organization_id":"orga_bwwWG475zqWiQGur0thQshwVXo8rIYecQHDWFanqhen",
             "lead_id":"lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O","name":"Gob Bluth","title":"sr. vice president","display_name":"Gob Bluth",
             "emails":[],"phones":[],"urls":[],
             "date_created":"2013-02-20T05:30:24.844000+00:00","date_updated":"2013-02-20T05:30:24.854000+00:00",
             "created_by":"user_MvDoAZA889UMrgsZbnXmHkJSomSi7qk2Iwc4JnGHTbo","updated_by":"user_MvDoAZA889UMrgsZbnXmHkJSomSi7qk2Iwc4JnGHTbo",
             "integration_links":[],"custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c":"magician"}
            """, provider: "close");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, Gob("lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O", null));

        var field = Assert.Single(contact.CustomFields!);
        Assert.Equal(("custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c", (object?)"magician"), (field.Key, field.Value));
    }
}
