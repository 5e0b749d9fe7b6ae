using System.Text.Json;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// HubSpot association links (the v4 default association, seed 003) through
/// <see cref="CrmClient.ExecuteAsync{TInput, TOutput}"/>, the generated adapter and the sandbox.
/// </summary>
public class HubSpotAssociationLinkTests
{
    private const string Resource = "association_links";

    // The unified record types, the HubSpot object types they map to, and the HubSpot-defined default type ids.
    public static TheoryData<string, string, string, string, int> LinkablePairs() => new()
    {
        { "accounts", "companies", "accounts", "companies", 450 },
        { "accounts", "companies", "contacts", "contacts", 280 },
        { "accounts", "companies", "leads", "leads", 609 },
        { "accounts", "companies", "opportunities", "deals", 342 },
        { "opportunities", "deals", "accounts", "companies", 341 },
        { "opportunities", "deals", "contacts", "contacts", 3 },
        { "opportunities", "deals", "opportunities", "deals", 451 },
        { "contacts", "contacts", "accounts", "companies", 279 },
        { "contacts", "contacts", "contacts", "contacts", 449 },
        { "contacts", "contacts", "leads", "leads", 607 },
        { "contacts", "contacts", "opportunities", "deals", 4 },
        { "leads", "leads", "accounts", "companies", 610 },
        { "leads", "leads", "contacts", "contacts", 608 },
    };

    [Theory]
    [MemberData(nameof(LinkablePairs))]
    public async Task Every_linkable_pair_is_one_PUT_to_the_default_association_and_reads_back(
        string entity, string fromType, string target, string toType, int typeId)
    {
        await using var kit = await HubSpotKit.StartAsync();
        var fromId = await RecordAsync(kit, fromType, "from");
        var toId = await RecordAsync(kit, toType, "to");
        kit.Sandbox.ClearRequests();

        var link = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = entity, EntityId = fromId, Target = target, TargetId = toId });

        var request = kit.SingleRequest();
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}", request.PathAndQuery);
        kit.AssertHubSpotHeaders(request);
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));

        Assert.Equal($"{fromId}:{typeId}:{toId}", link.Id);
        Assert.Equal((fromId, toId), (link.EntityId, link.TargetId));
        using var remote = link.RemoteData!.Parse();
        Assert.Equal("COMPLETE", remote.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, remote.RootElement.GetProperty("results").GetArrayLength());
        Assert.Contains(new HubSpotAssociationRecord(fromType, fromId, toType, toId, "HUBSPOT_DEFINED", typeId), kit.HubSpot.Associations.Records);
    }

    [Fact]
    public async Task An_account_linked_to_a_contact_is_associated_both_ways_in_hubspot()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var company = kit.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Analytical Engines Ltd" });
        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, new Contact { FirstName = "Ada", EmailAddresses = [new EmailAddress { Email = "ada@example.com" }] });

        var link = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = "accounts", EntityId = company.Id, Target = "contacts", TargetId = contact.Id });

        Assert.Equal(
            [
                new HubSpotAssociationRecord("companies", company.Id, "contacts", contact.Id!, "HUBSPOT_DEFINED", 280),
                new HubSpotAssociationRecord("contacts", contact.Id!, "companies", company.Id, "HUBSPOT_DEFINED", 279),
            ],
            kit.HubSpot.Associations.Records);
        Assert.Equal($"{company.Id}:280:{contact.Id}", link.Id);
    }

    [Fact]
    public async Task Linking_twice_is_not_an_error_and_keeps_one_association()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var deal = kit.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Engine No. 2" });
        var company = kit.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Analytical Engines Ltd" });
        var input = new AssociationLink { Entity = "opportunities", EntityId = deal.Id, Target = "accounts", TargetId = company.Id };

        var first = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create", input);
        var second = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create", input);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, kit.HubSpot.Associations.Records.Count);
    }

    [Theory]
    [InlineData("opportunities", "leads")]
    [InlineData("leads", "opportunities")]
    [InlineData("leads", "leads")]
    public async Task A_pair_hubspot_cannot_link_is_refused_before_any_request(string entity, string target)
    {
        await using var kit = await HubSpotKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = entity, EntityId = "3001", Target = target, TargetId = "4001" }));

        Assert.Equal(("hubspot", Resource, "create"), (ex.Provider, ex.Resource, ex.Operation));
        Assert.StartsWith($"HubSpot cannot link {entity} to {target}: it defines no default association between ", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Theory]
    [InlineData("users", "contacts", "users")]
    [InlineData("accounts", "tickets", "tickets")]
    public async Task A_record_type_without_a_hubspot_object_type_is_refused_before_any_request(string entity, string target, string unknown)
    {
        await using var kit = await HubSpotKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = entity, EntityId = "1", Target = target, TargetId = "2" }));

        Assert.Equal($"HubSpot cannot link {entity} to {target}: '{unknown}' has no HubSpot object type (HubSpot links accounts, contacts, leads and opportunities).", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Theory]
    [InlineData("entity")]
    [InlineData("entity_id")]
    [InlineData("target")]
    [InlineData("target_id")]
    public async Task A_link_without_a_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await HubSpotKit.StartAsync();
        var link = new AssociationLink
        {
            Entity = field == "entity" ? null : "accounts",
            EntityId = field == "entity_id" ? "" : "2001",
            Target = field == "target" ? null : "contacts",
            TargetId = field == "target_id" ? null : "1001",
        };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create", link));

        Assert.Equal((field, "hubspot"), (ex.Field, ex.Provider));
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'hubspot'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task An_unknown_record_is_hubspots_not_found()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var company = kit.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Analytical Engines Ltd" });

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = "accounts", EntityId = company.Id, Target = "contacts", TargetId = "999999" }));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("OBJECT_NOT_FOUND", ex.ProviderCode);
        Assert.Equal("Object not found. No contacts record has the id 999999.", ex.ProviderMessage);
        Assert.Equal(HubSpotKit.AccountId, ex.AccountId);
        Assert.Empty(kit.HubSpot.Associations.Records);
    }

    [Theory]
    [InlineData("../x", "..%2Fx")]
    [InlineData("a/b?c", "a%2Fb%3Fc")]
    public async Task Ids_are_escaped_as_single_path_segments(string id, string escaped)
    {
        await using var kit = await HubSpotKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = "accounts", EntityId = id, Target = "contacts", TargetId = "1001" }));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal($"/crm/v4/objects/companies/{escaped}/associations/default/contacts/1001", kit.SingleRequest().PathAndQuery);
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await HubSpotKit.StartAsync();
        const string wrongToken = "pat-na1-22222222-dead-beef-0000-000000000000";

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.WithToken(wrongToken), Resource, "create",
            new AssociationLink { Entity = "accounts", EntityId = "2001", Target = "contacts", TargetId = "1001" }));

        Assert.Equal((401, "INVALID_AUTHENTICATION"), (ex.StatusCode, ex.ProviderCode));
        Assert.Contains($"integrated account '{HubSpotKit.AccountId}'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
    }

    [Fact]
    public async Task The_seed_response_shape_maps_to_the_link()
    {
        await using var kit = await HubSpotKit.StartAsync();
        // Seed 003's answer: the batch response, with the associations and no errors.
        kit.Sandbox.FailNextRequest(new CannedResponse(200, """
            {"completedAt":"2024-01-01T00:00:01.000Z","results":[
              {"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":342},"from":{"id":"51"},"to":{"id":"77"}},
              {"associationSpec":{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":341},"from":{"id":"77"},"to":{"id":"51"}}],
             "startedAt":"2024-01-01T00:00:00.000Z","status":"COMPLETE","requestedAt":"2024-01-01T00:00:00.000Z","links":{}}
            """, "application/json", "hubspot"));

        var link = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = "accounts", EntityId = "51", Target = "opportunities", TargetId = "77" });

        Assert.Equal(("51:342:77", "51", "77"), (link.Id, link.EntityId, link.TargetId));
        using var remote = link.RemoteData!.Parse();
        Assert.Equal("2024-01-01T00:00:01.000Z", remote.RootElement.GetProperty("completedAt").GetString());
        Assert.Equal("/crm/v4/objects/companies/51/associations/default/deals/77", kit.SingleRequest().PathAndQuery);
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out()
    {
        await using var kit = await HubSpotKit.StartAsync();
        var deal = kit.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Engine No. 2" });
        var other = kit.HubSpot.Objects.Seed("deals", new Dictionary<string, string> { ["dealname"] = "Engine No. 3" });

        var link = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "create",
            new AssociationLink { Entity = "opportunities", EntityId = deal.Id, Target = "opportunities", TargetId = other.Id },
            options: new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(link.RemoteData);
        Assert.Equal($"{deal.Id}:451:{other.Id}", link.Id);
    }

    // A record of the HubSpot object type: contacts through the API, the rest seeded.
    private static async Task<string> RecordAsync(HubSpotKit kit, string objectType, string tag)
    {
        if (objectType == "contacts")
        {
            var contact = await kit.Client.Contacts.CreateAsync(kit.Account,
                new Contact { FirstName = tag, EmailAddresses = [new EmailAddress { Email = tag + "@example.com" }] });
            return contact.Id!;
        }
        var name = objectType switch { "leads" => "hs_lead_name", "deals" => "dealname", _ => "name" };
        return kit.HubSpot.Objects.Seed(objectType, new Dictionary<string, string> { [name] = tag }).Id;
    }
}
