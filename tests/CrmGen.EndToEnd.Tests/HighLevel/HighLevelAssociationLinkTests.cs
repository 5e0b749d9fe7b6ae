using System.Text.Json;
using System.Text.Json.Nodes;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// HighLevel association links (seed 001: <c>POST /associations/relations</c> with
/// <c>Version: 2021-07-28</c>) through <see cref="CrmClient"/> and the sandbox over loopback HTTP,
/// checked against HighLevel's OpenAPI description.
/// </summary>
public class HighLevelAssociationLinkTests
{
    private const string OpportunityId = "opp7NRKXnQ2mK4CzkSLa";

    private static async Task<(HighLevelKit Kit, HighLevelAssociation Definition, IntegratedAccount Account, Contact Contact)> ContactAndOpportunityAsync()
    {
        var kit = await HighLevelKit.StartAsync();
        var definition = kit.HighLevel.Associations.Define("contact_opportunity", "contact", "opportunity", "Contact", "Opportunity");
        var account = kit.WithContext(("association_id_contacts_opportunities", definition.Id));
        var contact = await kit.Client.Contacts.CreateAsync(account, new Contact
        {
            FirstName = "Ada",
            EmailAddresses = [new EmailAddress { Email = "ada@example.com" }],
        });
        kit.Sandbox.ClearRequests();
        return (kit, definition, account, contact);
    }

    [Fact]
    public async Task A_contact_links_to_an_opportunity_with_the_seeds_request()
    {
        var (kit, definition, account, contact) = await ContactAndOpportunityAsync();
        await using var _ = kit;

        var result = await kit.Client.Associations.CreateAsync(account, new Association
        {
            Entity = "contacts",
            EntityId = contact.Id,
            Associations = new AssociationLinks { Opportunities = [new RecordReference { Id = OpportunityId }] },
        });

        var request = Assert.Single(kit.Sandbox.Requests);
        kit.AssertHighLevelHeaders(request);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/associations/relations", request.PathAndQuery);
        var body = HighLevelKit.Body(request);
        var expected = new JsonObject
        {
            ["locationId"] = kit.Sandbox.Options.HighLevelLocationId,
            ["associationId"] = definition.Id,
            ["firstRecordId"] = contact.Id,
            ["secondRecordId"] = OpportunityId,
        };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body.GetRawText())), "The request body was " + body.GetRawText());

        var relation = Assert.Single(kit.HighLevel.Associations.Relations);
        Assert.Equal((definition.Id, contact.Id, OpportunityId), (relation.AssociationId, relation.FirstRecordId, relation.SecondRecordId));

        Assert.Equal(("contacts", contact.Id), (result.Entity, result.EntityId));
        Assert.Equal(OpportunityId, Assert.Single(result.Associations!.Opportunities!).Id);
        using var remote = result.RemoteData!.Parse();
        var answer = Assert.Single(remote.RootElement.EnumerateArray());
        Assert.Equal(definition.Id, answer.GetProperty("id").GetString());
        Assert.Equal("USER_DEFINED", answer.GetProperty("associationType").GetString());
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task The_request_has_the_seeds_body_members_and_Version_header()
    {
        var (kit, _, account, contact) = await ContactAndOpportunityAsync();
        await using var __ = kit;
        var seed = SeedRequest.Load();

        await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(account, "association_links", "link_contacts_opportunities",
            new AssociationLink { Entity = "contacts", EntityId = contact.Id, Target = "opportunities", TargetId = OpportunityId });

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal(seed.Method, request.Method);
        Assert.Equal(seed.Path, request.Path);
        Assert.Equal(seed.BodyMembers, HighLevelKit.Body(request).EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-07-28", request.Header("Version"));
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task An_opportunity_links_to_a_contact_through_the_same_definition_with_the_contact_first()
    {
        var (kit, definition, account, contact) = await ContactAndOpportunityAsync();
        await using var _ = kit;

        await kit.Client.Associations.CreateAsync(account, new Association
        {
            Entity = "opportunities",
            EntityId = OpportunityId,
            Associations = new AssociationLinks { Contacts = [new RecordReference { Id = contact.Id }] },
        });

        using var body = Assert.Single(kit.Sandbox.Requests).ParseBody();
        Assert.Equal(definition.Id, body.RootElement.GetProperty("associationId").GetString());
        Assert.Equal(contact.Id, body.RootElement.GetProperty("firstRecordId").GetString());
        Assert.Equal(OpportunityId, body.RootElement.GetProperty("secondRecordId").GetString());
        Assert.Single(kit.HighLevel.Associations.Relations);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task A_single_link_returns_HighLevels_answer_as_remote_data()
    {
        var (kit, definition, account, contact) = await ContactAndOpportunityAsync();
        await using var _ = kit;

        var link = await kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(account, "association_links", "link_contacts_opportunities",
            new AssociationLink { Entity = "contacts", EntityId = contact.Id, Target = "opportunities", TargetId = OpportunityId });

        // The documented answer describes the association definition; the relation has no id to report.
        Assert.Null(link.Id);
        using var remote = link.RemoteData!.Parse();
        Assert.Equal(definition.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.Equal("contact", remote.RootElement.GetProperty("firstObjectKey").GetString());
        Assert.Equal("opportunity", remote.RootElement.GetProperty("secondObjectKey").GetString());
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task Several_links_go_one_request_each()
    {
        var (kit, definition, account, contact) = await ContactAndOpportunityAsync();
        await using var _ = kit;

        await kit.Client.Associations.CreateAsync(account, new Association
        {
            Entity = "contacts",
            EntityId = contact.Id,
            Associations = new AssociationLinks { Opportunities = [new RecordReference { Id = OpportunityId }, new RecordReference { Id = "oppSecond00000000001" }] },
        });

        Assert.Equal([OpportunityId, "oppSecond00000000001"], kit.HighLevel.Associations.Relations.Select(r => r.SecondRecordId));
        Assert.All(kit.HighLevel.Associations.Relations, r => Assert.Equal((definition.Id, contact.Id), (r.AssociationId, r.FirstRecordId)));
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        kit.AssertRequestsFollowOpenApi();
    }

    [Fact]
    public async Task A_missing_association_id_is_a_clear_error_before_any_request()
    {
        await using var kit = await HighLevelKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(
            kit.Account, "association_links", "link_contacts_accounts",
            new AssociationLink { Entity = "contacts", EntityId = "c1", Target = "accounts", TargetId = "b1" }));

        Assert.Contains("'association_id_contacts_accounts'", ex.Message);
        Assert.Contains("highlevel", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task A_missing_association_id_for_any_pair_stops_the_whole_association_before_the_first_link()
    {
        var (kit, _, account, contact) = await ContactAndOpportunityAsync();
        await using var _ = kit;

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Associations.CreateAsync(account, new Association
        {
            Entity = "contacts",
            EntityId = contact.Id,
            Associations = new AssociationLinks
            {
                Accounts = [new RecordReference { Id = "641c094001436dbc2081e642" }],
                Opportunities = [new RecordReference { Id = OpportunityId }],
            },
        }));

        Assert.Contains("'association_id_contacts_accounts'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
        Assert.Empty(kit.HighLevel.Associations.Relations);
    }

    [Fact]
    public async Task A_link_without_the_location_id_is_a_clear_error_before_any_request()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var account = kit.NewAccount(new Dictionary<string, string> { ["association_id_contacts_opportunities"] = "assoc" });

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Associations.CreateAsync(account, new Association
        {
            Entity = "contacts",
            EntityId = "c1",
            Associations = new AssociationLinks { Opportunities = [new RecordReference { Id = OpportunityId }] },
        }));

        Assert.Contains("'location_id'", ex.Message);
        Assert.Contains("highlevel", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task Leads_cannot_be_linked_and_nothing_is_sent()
    {
        await using var kit = await HighLevelKit.StartAsync();

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => kit.Client.Associations.CreateAsync(kit.Account, new Association
        {
            Entity = "contacts",
            EntityId = "c1",
            Associations = new AssociationLinks { Leads = [new RecordReference { Id = "l1" }] },
        }));

        Assert.Contains("leads", ex.Message);
        Assert.Contains("highlevel", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Theory]
    [InlineData("accounts", "contacts", true)]
    [InlineData("accounts", "opportunities", true)]
    [InlineData("contacts", "accounts", true)]
    [InlineData("contacts", "contacts", true)]
    [InlineData("contacts", "opportunities", true)]
    [InlineData("opportunities", "accounts", true)]
    [InlineData("opportunities", "contacts", true)]
    [InlineData("accounts", "accounts", false)]
    [InlineData("opportunities", "opportunities", false)]
    [InlineData("accounts", "leads", false)]
    [InlineData("contacts", "leads", false)]
    [InlineData("leads", "contacts", false)]
    public void The_pairs_HighLevel_links(string entity, string target, bool linkable)
        => Assert.Equal(linkable, AssociationsClient.CanLink(HighLevelProvider.Instance, entity, target));

    [Fact]
    public async Task An_unknown_association_id_is_HighLevels_400()
    {
        await using var kit = await HighLevelKit.StartAsync();
        var account = kit.WithContext(("association_id_contacts_opportunities", "noSuchAssociation01"));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(
            account, "association_links", "link_contacts_opportunities",
            new AssociationLink { Entity = "contacts", EntityId = "c1", Target = "opportunities", TargetId = OpportunityId }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Association not found", ex.ProviderMessage);
        Assert.Empty(kit.HighLevel.Associations.Relations);
        kit.AssertRequestsFollowOpenApi();
    }

    /// <summary>The request of seed 001 (HighLevel's "Create Relation" page), read from the seed file.</summary>
    private sealed record SeedRequest(string Method, string Path, IReadOnlyList<string> BodyMembers, string Body)
    {
        public const string RelativePath = "../shared/seeds/001_381d2732ce51408b.txt";

        public static SeedRequest Load()
        {
            var text = File.ReadAllText(System.IO.Path.GetFullPath(System.IO.Path.Combine(HighLevelOpenApi.RepositoryRoot(), RelativePath)));
            var method = Between(text, "--request ", " ");
            var url = new Uri(Between(text, "--url ", " ").Trim());
            var body = Between(text, "--data '", "'");
            using var json = JsonDocument.Parse(body);
            return new SeedRequest(method.Trim(), url.AbsolutePath, json.RootElement.EnumerateObject().Select(p => p.Name).ToArray(), body);
        }

        private static string Between(string text, string start, string end)
        {
            var from = text.IndexOf(start, StringComparison.Ordinal);
            Assert.True(from >= 0, $"The seed {RelativePath} has no '{start}'.");
            from += start.Length;
            var to = text.IndexOf(end, from, StringComparison.Ordinal);
            Assert.True(to > from, $"The seed {RelativePath} has no '{end}' after '{start}'.");
            return text[from..to];
        }
    }

    [Fact]
    public void The_seeds_example_request_follows_HighLevels_OpenAPI_description()
    {
        var seed = SeedRequest.Load();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer <token>",
            ["Content-Type"] = "application/json",
            ["Version"] = "2021-07-28",
        };

        var problems = HighLevelOpenApi.Validator().Validate(seed.Method, seed.Path, "", headers, System.Text.Encoding.UTF8.GetBytes(seed.Body));

        Assert.Empty(problems);
        Assert.Equal(["locationId", "associationId", "firstRecordId", "secondRecordId"], seed.BodyMembers);
    }
}
