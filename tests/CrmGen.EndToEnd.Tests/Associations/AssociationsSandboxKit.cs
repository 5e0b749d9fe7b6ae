using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Associations;

/// <summary>
/// A sandbox on loopback, a <see cref="CrmClient"/> over real HTTP with the built-in providers,
/// and integrated accounts of the three providers that link records (Salesforce, HubSpot,
/// HighLevel) pointed at the sandbox. HighLevel's location gets association definitions for
/// contact ↔ opportunity, contact ↔ business and business ↔ opportunity, named in the account's
/// context.
/// </summary>
internal sealed class AssociationsSandboxKit : IAsyncDisposable
{
    private AssociationsSandboxKit(CrmSandbox sandbox, CrmClient client)
    {
        Sandbox = sandbox;
        Client = client;
        Salesforce = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(sandbox.Options.SalesforceAccessToken),
            new Dictionary<string, string> { ["instance_url"] = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/') })
        {
            Id = "acme-salesforce",
        };
        HubSpot = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
        {
            Id = "acme-hubspot",
            BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
        };
        var associations = sandbox.HighLevel.Associations;
        ContactOpportunity = associations.Define("contact_opportunity", "contact", "opportunity");
        ContactBusiness = associations.Define("contact_business", "contact", "business");
        BusinessOpportunity = associations.Define("business_opportunity", "business", "opportunity");
        HighLevel = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(sandbox.Options.HighLevelAccessToken), new Dictionary<string, string>
        {
            ["location_id"] = sandbox.Options.HighLevelLocationId,
            ["association_id_contacts_opportunities"] = ContactOpportunity.Id,
            ["association_id_contacts_accounts"] = ContactBusiness.Id,
            ["association_id_accounts_opportunities"] = BusinessOpportunity.Id,
        })
        {
            Id = "acme-highlevel",
            BaseAddressOverride = sandbox.BaseAddressFor("highlevel"),
        };
    }

    public CrmSandbox Sandbox { get; }

    public CrmClient Client { get; }

    public IntegratedAccount Salesforce { get; }

    public IntegratedAccount HubSpot { get; }

    public IntegratedAccount HighLevel { get; }

    public HighLevelAssociation ContactOpportunity { get; }

    public HighLevelAssociation ContactBusiness { get; }

    public HighLevelAssociation BusinessOpportunity { get; }

    public static async Task<AssociationsSandboxKit> StartAsync()
    {
        var sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { TimeProvider = new ManualTimeProvider(ManualTimeProvider.DefaultStart) });
        return new AssociationsSandboxKit(sandbox, new CrmClient(new HttpClient(), BuiltInProviders.All));
    }

    public static Association Link(string entity, string entityId, AssociationLinks links) => new() { Entity = entity, EntityId = entityId, Associations = links };

    public static List<RecordReference> Ids(params string[] ids) => ids.Select(id => new RecordReference { Id = id }).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
