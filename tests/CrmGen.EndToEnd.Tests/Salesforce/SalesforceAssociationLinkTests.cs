using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Salesforce;

/// <summary>
/// The Salesforce <c>association_links</c> actions (one link per call) through
/// <see cref="CrmClient.ExecuteAsync{TInput, TOutput}"/>, the generated adapter and the sandbox:
/// the exact Salesforce call each link pair of seed 000 is realised with, and its effect.
/// </summary>
public class SalesforceAssociationLinkTests
{
    private const string Resource = "association_links";

    private static Task<AssociationLink> LinkAsync(SalesforceKit kit, string entity, string entityId, string target, string targetId, IntegratedAccount? account = null)
        => kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(account ?? kit.Account, Resource, $"link_{entity}_{target}",
            new AssociationLink { Entity = entity, EntityId = entityId, Target = target, TargetId = targetId });

    [Fact]
    public void The_defined_links_are_exactly_the_pairs_Salesforce_can_realise()
    {
        var defined = SalesforceProvider.Instance.Operations
            .Where(o => o.Resource == Resource)
            .Select(o => o.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "link_accounts_accounts",
                "link_accounts_contacts",
                "link_accounts_opportunities",
                "link_opportunities_accounts",
                "link_opportunities_contacts",
            ],
            defined);
        foreach (var operation in SalesforceProvider.Instance.Operations.Where(o => o.Resource == Resource))
        {
            Assert.Equal(CrmOperationKind.Action, operation.Kind);
            Assert.Equal(["entity_id", "target_id"], operation.RequiredFields.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Accounts_to_contacts_sets_the_contacts_AccountId()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var contact = kit.InsertContact("Lovelace");

        var link = await LinkAsync(kit, "accounts", account.Id, "contacts", contact.Id);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{SalesforceKit.ApiRoot}/sobjects/Contact/{contact.Id}", request.PathAndQuery);
        Assert.Equal("Bearer " + kit.Sandbox.Options.SalesforceAccessToken, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal($$"""{"AccountId":"{{account.Id}}"}""", request.BodyText);
        Assert.Equal(account.Id, kit.SObjects.Find(contact.Id)!["AccountId"]);
        // 204 No Content: the link has no id of its own.
        Assert.Null(link.Id);
    }

    [Fact]
    public async Task Accounts_to_accounts_makes_the_linked_account_a_child_account()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var parent = kit.InsertAccount("Acme Holdings");
        var child = kit.InsertAccount("Acme UK");

        var link = await LinkAsync(kit, "accounts", parent.Id, "accounts", child.Id);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{SalesforceKit.ApiRoot}/sobjects/Account/{child.Id}", request.PathAndQuery);
        Assert.Equal($$"""{"ParentId":"{{parent.Id}}"}""", request.BodyText);
        Assert.Equal(parent.Id, kit.SObjects.Find(child.Id)!["ParentId"]);
        Assert.Null(kit.SObjects.Find(parent.Id)!["ParentId"]);
        Assert.Null(link.Id);
    }

    [Fact]
    public async Task Accounts_to_opportunities_sets_the_opportunitys_AccountId()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var opportunity = kit.InsertOpportunity("Acme renewal");

        await LinkAsync(kit, "accounts", account.Id, "opportunities", opportunity.Id);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{SalesforceKit.ApiRoot}/sobjects/Opportunity/{opportunity.Id}", request.PathAndQuery);
        Assert.Equal($$"""{"AccountId":"{{account.Id}}"}""", request.BodyText);
        Assert.Equal(account.Id, kit.SObjects.Find(opportunity.Id)!["AccountId"]);
    }

    [Fact]
    public async Task Opportunities_to_accounts_sets_the_same_lookup_from_the_opportunity()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var opportunity = kit.InsertOpportunity("Acme renewal");

        await LinkAsync(kit, "opportunities", opportunity.Id, "accounts", account.Id);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{SalesforceKit.ApiRoot}/sobjects/Opportunity/{opportunity.Id}", request.PathAndQuery);
        Assert.Equal($$"""{"AccountId":"{{account.Id}}"}""", request.BodyText);
        Assert.Equal(account.Id, kit.SObjects.Find(opportunity.Id)!["AccountId"]);
    }

    [Fact]
    public async Task Opportunities_to_contacts_creates_an_opportunity_contact_role_whose_id_is_the_links()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var opportunity = kit.InsertOpportunity("Acme renewal");
        var contact = kit.InsertContact("Lovelace");

        var link = await LinkAsync(kit, "opportunities", opportunity.Id, "contacts", contact.Id);

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{SalesforceKit.ApiRoot}/sobjects/OpportunityContactRole/", request.PathAndQuery);
        Assert.Equal($$"""{"OpportunityId":"{{opportunity.Id}}","ContactId":"{{contact.Id}}"}""", request.BodyText);
        var role = Assert.Single(kit.SObjects.RecordsOf("OpportunityContactRole"));
        Assert.Equal(opportunity.Id, role["OpportunityId"]);
        Assert.Equal(contact.Id, role["ContactId"]);
        Assert.Equal(role.Id, link.Id);
        Assert.StartsWith("00K", link.Id);
        using var remote = link.RemoteData!.Parse();
        Assert.True(remote.RootElement.GetProperty("success").GetBoolean());
    }

    [Theory]
    [InlineData("accounts", "leads")]
    [InlineData("opportunities", "leads")]
    [InlineData("opportunities", "opportunities")]
    public async Task A_pair_Salesforce_cannot_link_is_reported_as_unsupported_without_a_request(string entity, string target)
    {
        await using var kit = await SalesforceKit.StartAsync();
        var lead = kit.InsertLead("Byron", "Analytical Engines Ltd");
        var opportunity = kit.InsertOpportunity("Acme renewal");
        var entityId = entity == "accounts" ? kit.InsertAccount("Acme").Id : opportunity.Id;
        var targetId = target == "leads" ? lead.Id : kit.InsertOpportunity("Other").Id;

        var ex = await Assert.ThrowsAsync<CrmNotSupportedException>(() => LinkAsync(kit, entity, entityId, target, targetId));

        Assert.Equal("salesforce", ex.Provider);
        Assert.Equal(Resource, ex.Resource);
        Assert.Equal($"link_{entity}_{target}", ex.Operation);
        Assert.Null(SalesforceProvider.Instance.FindOperation(Resource, $"link_{entity}_{target}"));
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Theory]
    [InlineData("entity_id")]
    [InlineData("target_id")]
    public async Task A_link_without_both_ids_is_refused_before_any_request(string missing)
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var contact = kit.InsertContact("Lovelace");
        var link = new AssociationLink
        {
            Entity = "accounts",
            EntityId = missing == "entity_id" ? null : account.Id,
            Target = "contacts",
            TargetId = missing == "target_id" ? "" : contact.Id,
        };

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() =>
            kit.Client.ExecuteAsync<AssociationLink, AssociationLink>(kit.Account, Resource, "link_accounts_contacts", link));

        Assert.Equal(missing, ex.Field);
        Assert.Equal("salesforce", ex.Provider);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task An_unknown_target_record_is_Salesforces_NOT_FOUND()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var missingContact = SalesforceIds.To18("003Hs0000000000");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => LinkAsync(kit, "accounts", account.Id, "contacts", missingContact));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ProviderCode);
        Assert.Equal("The requested resource does not exist", ex.ProviderMessage);
        Assert.Equal("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""", ex.RawBody);
    }

    [Fact]
    public async Task A_target_id_of_another_object_is_Salesforces_MALFORMED_ID()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");
        var contact = kit.InsertContact("Lovelace");

        // A contact's id where the opportunity's belongs.
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => LinkAsync(kit, "accounts", account.Id, "opportunities", contact.Id));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("MALFORMED_ID", ex.ProviderCode);
        Assert.Equal($"Opportunity ID: id value of incorrect type: {contact.Id}", ex.ProviderMessage);
    }

    [Fact]
    public async Task An_entity_id_of_another_object_is_refused_by_the_lookup()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var contact = kit.InsertContact("Lovelace");
        var other = kit.InsertContact("Babbage");

        // accounts → contacts with a contact's id as the account: AccountId cannot hold it.
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => LinkAsync(kit, "accounts", other.Id, "contacts", contact.Id));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("FIELD_INTEGRITY_EXCEPTION", ex.ProviderCode);
        Assert.Equal($"Account ID: id value of incorrect type: {other.Id}", ex.ProviderMessage);
        Assert.Null(kit.SObjects.Find(contact.Id)!["AccountId"]);
    }

    [Fact]
    public async Task Linking_an_account_below_its_own_child_is_refused()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var parent = kit.InsertAccount("Acme Holdings");
        var child = kit.InsertAccount("Acme UK", parent.Id);

        // child → parent would make the parent a child of its own child.
        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => LinkAsync(kit, "accounts", child.Id, "accounts", parent.Id));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("CIRCULAR_DEPENDENCY", ex.ProviderCode);
        Assert.Null(kit.SObjects.Find(parent.Id)!["ParentId"]);
    }

    [Theory]
    [InlineData("../Account/001Hs000000AAAA")]
    [InlineData("a/b?c=d")]
    [InlineData("%2e%2e")]
    public async Task A_hostile_target_id_stays_one_path_segment(string targetId)
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.InsertAccount("Acme");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => LinkAsync(kit, "accounts", account.Id, "contacts", targetId));

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.StartsWith($"{SalesforceKit.ApiRoot}/sobjects/Contact/", request.Path);
        Assert.DoesNotContain("/", request.Path[$"{SalesforceKit.ApiRoot}/sobjects/Contact/".Length..]);
        Assert.Equal("", request.QueryString);
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ProviderCode);
    }

    [Fact]
    public async Task A_refused_token_on_a_link_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var opportunity = kit.InsertOpportunity("Acme renewal");
        var contact = kit.InsertContact("Lovelace");
        const string wrongToken = "00DHs000000wxyz!ARevokedToken";

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() =>
            LinkAsync(kit, "opportunities", opportunity.Id, "contacts", contact.Id, kit.AccountWith(CrmCredentials.AccessToken(wrongToken))));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("INVALID_SESSION_ID", ex.ProviderCode);
        Assert.Contains($"'{SalesforceKit.AccountId}'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
        Assert.Empty(kit.SObjects.RecordsOf("OpportunityContactRole"));
    }
}
