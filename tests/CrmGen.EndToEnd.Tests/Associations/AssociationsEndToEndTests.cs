using System.Text.Json;
using CrmGen.Sandbox;
using static CrmGen.EndToEnd.Tests.Associations.AssociationsSandboxKit;

namespace CrmGen.EndToEnd.Tests.Associations;

/// <summary>
/// The unified association create (seed 000) through the generated Salesforce, HubSpot and
/// HighLevel adapters and the sandbox, over loopback HTTP: one provider request per linked
/// record, in order, and the unified result.
/// </summary>
public class AssociationsEndToEndTests
{
    private const string SalesforceApi = "/services/data/v60.0";

    [Fact]
    public async Task Salesforce_links_an_account_to_the_seeds_record_types_with_one_lookup_update_each()
    {
        await using var kit = await StartAsync();
        var sobjects = kit.Sandbox.Salesforce.SObjects;
        var account = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var child = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme Europe" });
        var ada = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
        var grace = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Hopper" });
        var deal = sobjects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Renewal", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });

        var result = await kit.Client.Associations.CreateAsync(kit.Salesforce, Link("accounts", account.Id, new AssociationLinks
        {
            Accounts = Ids(child.Id),
            Contacts = Ids(ada.Id, grace.Id),
            Opportunities = Ids(deal.Id),
        }));

        Assert.Equal(
            [
                $"PATCH {SalesforceApi}/sobjects/Account/{child.Id} {{\"ParentId\":\"{account.Id}\"}}",
                $"PATCH {SalesforceApi}/sobjects/Contact/{ada.Id} {{\"AccountId\":\"{account.Id}\"}}",
                $"PATCH {SalesforceApi}/sobjects/Contact/{grace.Id} {{\"AccountId\":\"{account.Id}\"}}",
                $"PATCH {SalesforceApi}/sobjects/Opportunity/{deal.Id} {{\"AccountId\":\"{account.Id}\"}}",
            ],
            kit.Sandbox.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.BodyText}"));
        Assert.All(kit.Sandbox.Requests, r => Assert.Equal("Bearer " + kit.Sandbox.Options.SalesforceAccessToken, r.Header("Authorization")));
        Assert.Equal(account.Id, sobjects.Find(child.Id)!["ParentId"]);
        Assert.Equal(account.Id, sobjects.Find(ada.Id)!["AccountId"]);
        Assert.Equal(account.Id, sobjects.Find(grace.Id)!["AccountId"]);
        Assert.Equal(account.Id, sobjects.Find(deal.Id)!["AccountId"]);

        Assert.Equal(("accounts", account.Id), (result.Entity!, result.EntityId!));
        Assert.Equal([child.Id], result.Associations!.Accounts!.Select(r => r.Id));
        Assert.Equal([ada.Id, grace.Id], result.Associations.Contacts!.Select(r => r.Id));
        Assert.Equal([deal.Id], result.Associations.Opportunities!.Select(r => r.Id));
        Assert.Null(result.Associations.Leads);
        // Salesforce answers a PATCH with 204 and no body: nothing to keep for those links.
        Assert.Equal("[null,null,null,null]", result.RemoteData!.ToString());
    }

    [Fact]
    public async Task Salesforce_links_an_opportunity_to_a_contact_through_a_contact_role_and_to_its_account()
    {
        await using var kit = await StartAsync();
        var sobjects = kit.Sandbox.Salesforce.SObjects;
        var account = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var ada = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
        var deal = sobjects.Insert("Opportunity", new Dictionary<string, object?> { ["Name"] = "Renewal", ["StageName"] = "Prospecting", ["CloseDate"] = new DateOnly(2025, 6, 30) });

        var result = await kit.Client.Associations.CreateAsync(kit.Salesforce, Link("opportunities", deal.Id, new AssociationLinks
        {
            Accounts = Ids(account.Id),
            Contacts = Ids(ada.Id),
        }));

        var requests = kit.Sandbox.Requests;
        Assert.Equal($"PATCH {SalesforceApi}/sobjects/Opportunity/{deal.Id}", $"{requests[0].Method} {requests[0].PathAndQuery}");
        Assert.Equal($"{{\"AccountId\":\"{account.Id}\"}}", requests[0].BodyText);
        Assert.Equal($"POST {SalesforceApi}/sobjects/OpportunityContactRole/", $"{requests[1].Method} {requests[1].PathAndQuery}");
        Assert.Equal($"{{\"OpportunityId\":\"{deal.Id}\",\"ContactId\":\"{ada.Id}\"}}", requests[1].BodyText);
        Assert.Equal(2, requests.Count);

        var role = Assert.Single(sobjects.RecordsOf("OpportunityContactRole"));
        Assert.Equal((deal.Id, ada.Id), (role["OpportunityId"], role["ContactId"]));
        Assert.Equal(account.Id, sobjects.Find(deal.Id)!["AccountId"]);

        using var remote = result.RemoteData!.Parse();
        Assert.Equal(JsonValueKind.Null, remote.RootElement[0].ValueKind);
        Assert.Equal(role.Id, remote.RootElement[1].GetProperty("id").GetString());
        Assert.True(remote.RootElement[1].GetProperty("success").GetBoolean());
    }

    [Theory]
    [InlineData("accounts", "leads")]
    [InlineData("opportunities", "leads")]
    [InlineData("opportunities", "opportunities")]
    public async Task Salesforce_refuses_a_pair_it_cannot_link_before_any_request(string entity, string target)
    {
        await using var kit = await StartAsync();
        var links = new AssociationLinks { Contacts = Ids("003Hs00000A1b2cAAB") };
        if (target == "leads") links.Leads = Ids("00QHs00000A1b2cAAB");
        else links.Opportunities = Ids("006Hs00000A1b2cAAB");

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.Associations.CreateAsync(kit.Salesforce, Link(entity, "001Hs00000A1b2cAAB", links)));

        Assert.StartsWith($"Salesforce cannot link {entity} to {target}", ex.Message);
        Assert.Equal("salesforce", ex.Provider);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Salesforce_stops_at_a_record_that_does_not_exist_and_says_what_was_linked()
    {
        await using var kit = await StartAsync();
        var sobjects = kit.Sandbox.Salesforce.SObjects;
        var account = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme" });
        var ada = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Lovelace" });
        var grace = sobjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = "Hopper" });
        var missing = SalesforceIds.To18("003Hs0000000000");

        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => kit.Client.Associations.CreateAsync(kit.Salesforce,
            Link("accounts", account.Id, new AssociationLinks { Contacts = Ids(ada.Id, missing, grace.Id) })));

        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Equal([ada.Id], ex.CompletedLinks.Select(l => l.TargetId));
        Assert.Equal(missing, ex.FailedLink.TargetId);
        Assert.Equal([grace.Id], ex.NotAttemptedLinks.Select(l => l.TargetId));
        var cause = Assert.IsType<CrmProviderException>(ex.InnerException);
        Assert.Equal((404, "NOT_FOUND"), (cause.StatusCode, cause.ProviderCode));
        Assert.Equal(account.Id, sobjects.Find(ada.Id)!["AccountId"]);
        Assert.Null(sobjects.Find(grace.Id)!["AccountId"]);
    }

    [Fact]
    public async Task HubSpot_links_a_company_with_one_v4_default_association_per_record()
    {
        await using var kit = await StartAsync();
        var company = kit.Sandbox.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Acme" });
        var deal = kit.Sandbox.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Renewal" });
        var lead = kit.Sandbox.HubSpot.Objects.Seed("leads", new Dictionary<string, string> { ["hs_lead_name"] = "Inbound" });
        var contact = await kit.Client.Contacts.CreateAsync(kit.HubSpot, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
        kit.Sandbox.ClearRequests();

        var result = await kit.Client.Associations.CreateAsync(kit.HubSpot, Link("accounts", company.Id, new AssociationLinks
        {
            Contacts = Ids(contact.Id!),
            Leads = Ids(lead.Id),
            Opportunities = Ids(deal.Id),
        }));

        Assert.Equal(
            [
                $"PUT /crm/v4/objects/companies/{company.Id}/associations/default/contacts/{contact.Id}",
                $"PUT /crm/v4/objects/companies/{company.Id}/associations/default/leads/{lead.Id}",
                $"PUT /crm/v4/objects/companies/{company.Id}/associations/default/deals/{deal.Id}",
            ],
            kit.Sandbox.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.All(kit.Sandbox.Requests, r => Assert.Empty(r.Body));
        Assert.All(kit.Sandbox.Requests, r => Assert.Equal("Bearer " + kit.Sandbox.Options.HubSpotAccessToken, r.Header("Authorization")));
        var made = kit.Sandbox.HubSpot.Associations.Records.Where(r => r.FromObjectType == "companies" && r.FromId == company.Id).Select(r => (r.ToObjectType, r.ToId));
        Assert.Equal([("contacts", contact.Id!), ("leads", lead.Id), ("deals", deal.Id)], made);

        Assert.Equal([contact.Id], result.Associations!.Contacts!.Select(r => r.Id));
        Assert.Equal([lead.Id], result.Associations.Leads!.Select(r => r.Id));
        Assert.Equal([deal.Id], result.Associations.Opportunities!.Select(r => r.Id));
        using var remote = result.RemoteData!.Parse();
        Assert.Equal(3, remote.RootElement.GetArrayLength());
        Assert.All(remote.RootElement.EnumerateArray(), r => Assert.Equal("COMPLETE", r.GetProperty("status").GetString()));
        Assert.Equal(deal.Id, remote.RootElement[2].GetProperty("results")[0].GetProperty("to").GetProperty("id").GetString());
    }

    [Fact]
    public async Task HubSpot_refuses_a_pair_without_a_default_association_before_any_request()
    {
        await using var kit = await StartAsync();

        // deals → contacts comes first and is linkable: still nothing is sent.
        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.Associations.CreateAsync(kit.HubSpot,
            Link("opportunities", "9001", new AssociationLinks { Contacts = Ids("101"), Leads = Ids("202") })));

        Assert.StartsWith("HubSpot cannot link opportunities to leads", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task HighLevel_links_a_contact_through_the_locations_association_definitions()
    {
        await using var kit = await StartAsync();
        var contact = await kit.Client.Contacts.CreateAsync(kit.HighLevel, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
        kit.Sandbox.ClearRequests();
        const string business = "641c094001436dbc2081e642";
        const string opportunity = "oppAlpha000000000001";

        var result = await kit.Client.Associations.CreateAsync(kit.HighLevel, Link("contacts", contact.Id!, new AssociationLinks
        {
            Accounts = Ids(business),
            Opportunities = Ids(opportunity),
        }));

        var requests = kit.Sandbox.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST /associations/relations", $"{r.Method} {r.PathAndQuery}");
            Assert.Equal("2021-07-28", r.Header("Version"));
            Assert.Equal("Bearer " + kit.Sandbox.Options.HighLevelAccessToken, r.Header("Authorization"));
        });
        var location = kit.Sandbox.Options.HighLevelLocationId;
        Assert.Equal($$"""{"locationId":"{{location}}","associationId":"{{kit.ContactBusiness.Id}}","firstRecordId":"{{contact.Id}}","secondRecordId":"{{business}}"}""", requests[0].BodyText);
        Assert.Equal($$"""{"locationId":"{{location}}","associationId":"{{kit.ContactOpportunity.Id}}","firstRecordId":"{{contact.Id}}","secondRecordId":"{{opportunity}}"}""", requests[1].BodyText);
        Assert.Equal(
            [(kit.ContactBusiness.Id, contact.Id!, business), (kit.ContactOpportunity.Id, contact.Id!, opportunity)],
            kit.Sandbox.HighLevel.Associations.Relations.Select(r => (r.AssociationId, r.FirstRecordId, r.SecondRecordId)));

        Assert.Equal([business], result.Associations!.Accounts!.Select(r => r.Id));
        Assert.Equal([opportunity], result.Associations.Opportunities!.Select(r => r.Id));
        using var remote = result.RemoteData!.Parse();
        Assert.Equal(["contact_business", "contact_opportunity"], remote.RootElement.EnumerateArray().Select(r => r.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task HighLevel_puts_the_definitions_first_object_first_whichever_side_the_link_starts_from()
    {
        await using var kit = await StartAsync();
        var contact = await kit.Client.Contacts.CreateAsync(kit.HighLevel, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
        kit.Sandbox.ClearRequests();
        const string opportunity = "oppAlpha000000000001";

        await kit.Client.Associations.CreateAsync(kit.HighLevel, Link("opportunities", opportunity, new AssociationLinks { Contacts = Ids(contact.Id!) }));

        var relation = Assert.Single(kit.Sandbox.HighLevel.Associations.Relations);
        Assert.Equal((kit.ContactOpportunity.Id, contact.Id!, opportunity), (relation.AssociationId, relation.FirstRecordId, relation.SecondRecordId));
    }

    [Fact]
    public async Task HighLevel_refuses_leads_before_any_request()
    {
        await using var kit = await StartAsync();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.Associations.CreateAsync(kit.HighLevel,
            Link("contacts", "c_1", new AssociationLinks { Opportunities = Ids("o_1"), Leads = Ids("l_1") })));

        Assert.StartsWith("HighLevel cannot link contacts to leads", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task HighLevel_stops_at_a_refused_relation_and_says_what_was_linked()
    {
        await using var kit = await StartAsync();
        var contact = await kit.Client.Contacts.CreateAsync(kit.HighLevel, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });
        kit.Sandbox.ClearRequests();

        // The same opportunity twice: HighLevel refuses the second relation (400).
        var ex = await Assert.ThrowsAsync<CrmAssociationException>(() => kit.Client.Associations.CreateAsync(kit.HighLevel,
            Link("contacts", contact.Id!, new AssociationLinks { Opportunities = Ids("oppAlpha000000000001", "oppAlpha000000000001", "oppBeta0000000000002") })));

        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Single(ex.CompletedLinks);
        Assert.Single(ex.NotAttemptedLinks);
        Assert.Equal(400, Assert.IsType<CrmProviderException>(ex.InnerException).StatusCode);
        Assert.Single(kit.Sandbox.HighLevel.Associations.Relations);
    }
}
