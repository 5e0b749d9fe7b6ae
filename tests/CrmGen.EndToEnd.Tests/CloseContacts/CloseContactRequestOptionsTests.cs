using System.Text;
using CrmGen.EndToEnd.Tests.EndToEnd;

namespace CrmGen.EndToEnd.Tests.CloseContacts;

/// <summary>The shared request options of the unified API on Close's contacts create, over loopback HTTP.</summary>
public class CloseContactRequestOptionsTests
{
    private static Contact Gob(string leadId) => new()
    {
        FirstName = "Gob",
        LastName = "Bluth",
        Account = new AccountReference { Id = leadId },
        EmailAddresses = [new EmailAddress { Email = "Gob@Bluth.Example", Type = "work" }],
        PhoneNumbers = [new PhoneNumber { Number = "+1 (800) 444-5555", Type = "work" }],
        CustomFields = new Dictionary<string, object?> { ["cf_magic"] = "yes" },
    };

    [Fact]
    public async Task Remote_data_adds_what_the_unified_create_cannot_write_and_it_reads_back()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");
        var remoteData = new RawJson(Encoding.UTF8.GetBytes("""{"urls":[{"url":"https://bluth.example.com","type":"url"}]}"""));

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id), new CrmRequestOptions { RemoteData = remoteData });

        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal(lead.Id, body.RootElement.GetProperty("lead_id").GetString());
        Assert.Equal("https://bluth.example.com", body.RootElement.GetProperty("urls")[0].GetProperty("url").GetString());
        Assert.Equal([("https://bluth.example.com", "url")], contact.Urls!.Select(u => (u.Url, u.Type)));
    }

    [Fact]
    public async Task The_normalized_format_lower_cases_emails_and_drops_empty_values()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");

        var unified = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id));
        var normalized = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id), new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Normalized });

        Assert.Equal("Gob@Bluth.Example", Assert.Single(unified.EmailAddresses!).Email);
        Assert.Equal("gob@bluth.example", Assert.Single(normalized.EmailAddresses!).Email);
        Assert.Equal("+18004445555", Assert.Single(normalized.PhoneNumbers!).Number);
        Assert.Empty(unified.Urls!);
        Assert.Null(normalized.Urls);
        Assert.Null(normalized.Title);
    }

    [Fact]
    public async Task Excluded_fields_are_left_out_of_the_result()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");

        var contact = await kit.Client.Contacts.CreateAsync(kit.Close, Gob(lead.Id), new CrmRequestOptions { ExcludeFields = ["custom_fields", "phone_numbers.type"] });

        Assert.Null(contact.CustomFields);
        Assert.Null(Assert.Single(contact.PhoneNumbers!).Type);
        Assert.Equal("+18004445555", contact.PhoneNumbers![0].Number);
        Assert.Equal(lead.Id, contact.Account!.Id);
    }

    [Fact]
    public async Task The_raw_format_is_closes_own_contact()
    {
        await using var kit = await EndToEndKit.StartAsync();
        var lead = kit.Sandbox.Close.Contacts.AddLead("Bluth Company");

        var raw = await kit.Client.Contacts.CreateRawAsync(kit.Close, Gob(lead.Id), new CrmRequestOptions { ResponseFormat = CrmResponseFormat.Raw });

        Assert.Equal(200, raw.StatusCode);
        Assert.StartsWith("limit=", raw.Header("RateLimit"));
        using var body = raw.ParseJson();
        Assert.Equal("yes", body.RootElement.GetProperty("custom.cf_magic").GetString());
        Assert.Equal("Gob Bluth", body.RootElement.GetProperty("display_name").GetString());
    }
}
