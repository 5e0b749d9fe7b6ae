using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>
/// Pipedrive person custom fields over loopback: the catch-all collects only the keys named by a
/// field's 40-character hash, never Pipedrive's standard keys (company id, visibility, the deal
/// and activity counters…) that no other row reads.
/// </summary>
public partial class PipedriveCustomFieldsTests
{
    /// <summary>Standard keys of a Pipedrive person that no mapping row reads.</summary>
    private static readonly string[] UnreadStandardKeys =
        ["company_id", "visible_to", "open_deals_count", "active_flag", "first_char", "delete_time", "label", "org_name", "owner_name", "cc_email"];

    /// <summary>A field key (40 lower-case hex digits), optionally with a sub-key suffix.</summary>
    [GeneratedRegex("^[0-9a-f]{40}(_[a-z0-9_]+)?$")]
    private static partial Regex FieldKey();

    [Fact]
    public async Task Custom_fields_hold_exactly_the_hash_keys_of_the_person()
    {
        await using var kit = await PipedriveKit.StartAsync();
        var unset = kit.Sandbox.Pipedrive.AddPersonField("Shoe size");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, kit.FullContact());

        using var remote = contact.RemoteData!.Parse();
        var keys = remote.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        // The sandbox answers with Pipedrive's standard keys beside the custom ones.
        Assert.All(UnreadStandardKeys, key => Assert.Contains(key, keys));
        Assert.Equal(keys.Where(k => FieldKey().IsMatch(k)).Order(StringComparer.Ordinal), contact.CustomFields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { kit.EngineField.Key, unset.Key }.Order(StringComparer.Ordinal), contact.CustomFields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("analytical", contact.CustomFields[kit.EngineField.Key]);
        // Pipedrive lists every person field of the company; one without a value is null.
        Assert.Null(contact.CustomFields[unset.Key]);
        Assert.DoesNotContain(contact.CustomFields.Keys, UnreadStandardKeys.Contains);
    }

    [Fact]
    public async Task A_person_of_a_company_without_person_fields_has_no_custom_fields()
    {
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(201, """
            {"success":true,"data":{"id":7,"company_id":12345,"name":"Ada","first_name":"Ada","last_name":null,
             "open_deals_count":0,"closed_deals_count":0,"activities_count":0,"email_messages_count":0,
             "active_flag":true,"first_char":"a","visible_to":"3","label":null,"label_ids":[],"org_name":null,"owner_name":"Charles",
             "cc_email":"sandbox@pipedrivemail.com","add_time":"2019-01-22 08:55:59","update_time":"2019-01-22 23:05:01"}}
            """, provider: "pipedrive");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        Assert.Equal("7", contact.Id);
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public async Task Sub_keys_of_a_field_are_custom_fields_and_keys_that_only_look_like_hashes_are_not()
    {
        const string Hash = "dcf558aac1ae4e8c4f849ba5e668430d8df9be12";
        await using var kit = await PipedriveKit.StartAsync();
        kit.Sandbox.FailNextRequest(201, $$"""
            {"success":true,"data":{"id":7,"name":"Ada","first_name":"Ada",
             "{{Hash}}":1200,"{{Hash}}_currency":"EUR","{{Hash}}_admin_area_level_1":"England",
             "{{Hash.ToUpperInvariant()}}":"upper case","{{Hash[..39]}}":"39 characters","{{Hash}}0":"41 characters",
             "{{Hash}}-x":"not a sub-key","x{{Hash}}":"prefixed" } }
            """, provider: "pipedrive");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada" });

        Assert.Equal(
            [(Hash, (object?)1200L), (Hash + "_admin_area_level_1", "England"), (Hash + "_currency", "EUR")],
            contact.CustomFields!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)));
    }
}
