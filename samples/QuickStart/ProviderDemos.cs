using CrmGen;
using CrmGen.Sandbox;

/// <summary>
/// The five providers of the QuickStart. Each uses the CrmGen sandbox unless its environment
/// variables name a live account; in the sandbox the records an operation needs (a Close lead, a
/// Salesforce account, a HubSpot company, a HighLevel association definition) are added first.
/// </summary>
internal static class ProviderDemos
{
    /// <summary>True when every provider has live credentials, so no sandbox is needed.</summary>
    public static bool AllLive(Func<string, string?> env)
        => Has(env, "CRMGEN_HUBSPOT_ACCESS_TOKEN")
            && Has(env, "CRMGEN_SALESFORCE_ACCESS_TOKEN") && Has(env, "CRMGEN_SALESFORCE_INSTANCE_URL")
            && Has(env, "CRMGEN_CLOSE_API_KEY")
            && Has(env, "CRMGEN_HIGHLEVEL_ACCESS_TOKEN") && Has(env, "CRMGEN_HIGHLEVEL_LOCATION_ID")
            && Has(env, "CRMGEN_PIPEDRIVE_API_TOKEN");

    /// <summary>The five providers, in the order the QuickStart runs them.</summary>
    /// <param name="sandbox">The sandbox, or null when every provider is live.</param>
    /// <param name="env">Reads an environment variable.</param>
    public static IReadOnlyList<ProviderDemo> Create(CrmSandbox? sandbox, Func<string, string?> env)
        => [HubSpot(sandbox, env), Salesforce(sandbox, env), Close(sandbox, env), HighLevel(sandbox, env), Pipedrive(sandbox, env)];

    private static ProviderDemo HubSpot(CrmSandbox? sandbox, Func<string, string?> env)
    {
        var token = env("CRMGEN_HUBSPOT_ACCESS_TOKEN");
        string? companyId;
        IntegratedAccount account;
        if (string.IsNullOrEmpty(token))
        {
            account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox!.Options.HubSpotAccessToken))
            {
                Id = "quickstart-hubspot",
                BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
            };
            companyId = sandbox.HubSpot.Objects.Seed("companies", new Dictionary<string, string> { ["name"] = "Analytical Engines Ltd" }).Id;
        }
        else
        {
            account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(token)) { Id = "quickstart-hubspot" };
            companyId = env("CRMGEN_HUBSPOT_COMPANY_ID");
        }
        // HubSpot keeps one contact per e-mail address: against the real API, make it unique per run.
        var email = string.IsNullOrEmpty(token) ? "ada.lovelace@example.com" : $"ada.lovelace+{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}@example.com";
        return new ProviderDemo
        {
            Name = "hubspot",
            Account = account,
            IsLive = !string.IsNullOrEmpty(token),
            Contact = Ada(email),
            Association = string.IsNullOrEmpty(companyId) ? null : contact => AccountToContact(companyId, contact),
            AssociationSkipped = "set CRMGEN_HUBSPOT_COMPANY_ID to link a company of the live account to the new contact",
        };
    }

    private static ProviderDemo Salesforce(CrmSandbox? sandbox, Func<string, string?> env)
    {
        var token = env("CRMGEN_SALESFORCE_ACCESS_TOKEN");
        var instanceUrl = env("CRMGEN_SALESFORCE_INSTANCE_URL");
        IntegratedAccount account;
        string? accountId;
        string? opportunityId = null;
        var live = !string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(instanceUrl);
        if (!live)
        {
            // The sandbox's Salesforce org: its instance URL is the account's context, as a real one's is.
            account = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(sandbox!.Options.SalesforceAccessToken), new Dictionary<string, string>
            {
                ["instance_url"] = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/'),
            })
            {
                Id = "quickstart-salesforce",
            };
            var sobjects = sandbox.Salesforce.SObjects;
            accountId = sobjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Analytical Engines Ltd" }).Id;
            opportunityId = sobjects.Insert("Opportunity", new Dictionary<string, object?>
            {
                ["Name"] = "Difference Engine No. 2",
                ["StageName"] = "Prospecting",
                ["CloseDate"] = new DateOnly(2026, 6, 30),
            }).Id;
        }
        else
        {
            account = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(token!), new Dictionary<string, string> { ["instance_url"] = instanceUrl! })
            {
                Id = "quickstart-salesforce",
            };
            accountId = env("CRMGEN_SALESFORCE_ACCOUNT_ID");
        }
        return new ProviderDemo
        {
            Name = "salesforce",
            Account = account,
            IsLive = live,
            Contact = Ada("ada.lovelace@example.com"),
            Association = string.IsNullOrEmpty(accountId) ? null : contact =>
            {
                // Seed 000: an account linked to contacts and opportunities.
                var association = AccountToContact(accountId, contact);
                if (opportunityId is not null) association.Associations!.Opportunities = [new RecordReference { Id = opportunityId }];
                return association;
            },
            AssociationSkipped = "set CRMGEN_SALESFORCE_ACCOUNT_ID to link an account of the live org to the new contact",
        };
    }

    private static ProviderDemo Close(CrmSandbox? sandbox, Func<string, string?> env)
    {
        var apiKey = env("CRMGEN_CLOSE_API_KEY");
        IntegratedAccount account;
        string? leadId;
        if (string.IsNullOrEmpty(apiKey))
        {
            account = new IntegratedAccount("close", CrmCredentials.ApiKey(sandbox!.Options.CloseApiKey))
            {
                Id = "quickstart-close",
                BaseAddressOverride = sandbox.BaseAddressFor("close"),
            };
            leadId = sandbox.Close.Contacts.AddLead("Analytical Engines Ltd").Id;
        }
        else
        {
            account = new IntegratedAccount("close", CrmCredentials.ApiKey(apiKey)) { Id = "quickstart-close" };
            leadId = env("CRMGEN_CLOSE_LEAD_ID");
        }
        // A Close contact belongs to a lead (Close's company record): the unified account.
        var contact = Ada("ada.lovelace@example.com");
        contact.Account = new AccountReference { Id = leadId };
        return new ProviderDemo
        {
            Name = "close",
            Account = account,
            IsLive = !string.IsNullOrEmpty(apiKey),
            Contact = string.IsNullOrEmpty(leadId) ? null : contact,
            ContactSkipped = "set CRMGEN_CLOSE_LEAD_ID to the lead the contact joins in the live organization",
        };
    }

    private static ProviderDemo HighLevel(CrmSandbox? sandbox, Func<string, string?> env)
    {
        var token = env("CRMGEN_HIGHLEVEL_ACCESS_TOKEN");
        var locationId = env("CRMGEN_HIGHLEVEL_LOCATION_ID");
        IntegratedAccount account;
        string? businessId;
        var live = !string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(locationId);
        if (!live)
        {
            // HighLevel links records through an association definition of the location.
            var definition = sandbox!.HighLevel.Associations.Define("contact_business", "contact", "business", "Employee", "Company");
            account = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(sandbox.Options.HighLevelAccessToken), new Dictionary<string, string>
            {
                ["location_id"] = sandbox.Options.HighLevelLocationId,
                ["association_id_contacts_accounts"] = definition.Id,
            })
            {
                Id = "quickstart-highlevel",
                BaseAddressOverride = sandbox.BaseAddressFor("highlevel"),
            };
            businessId = "6578278e879ad2646715ba9c";
        }
        else
        {
            var context = new Dictionary<string, string> { ["location_id"] = locationId! };
            if (env("CRMGEN_HIGHLEVEL_ASSOCIATION_ID") is { Length: > 0 } associationId) context["association_id_contacts_accounts"] = associationId;
            account = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(token!), context) { Id = "quickstart-highlevel" };
            businessId = context.ContainsKey("association_id_contacts_accounts") ? env("CRMGEN_HIGHLEVEL_BUSINESS_ID") : null;
        }
        return new ProviderDemo
        {
            Name = "highlevel",
            Account = account,
            IsLive = live,
            Contact = Ada("ada.lovelace@example.com"),
            Association = string.IsNullOrEmpty(businessId) ? null : contact => AccountToContact(businessId, contact),
            AssociationSkipped = "set CRMGEN_HIGHLEVEL_ASSOCIATION_ID (a contact-business association of the location) and CRMGEN_HIGHLEVEL_BUSINESS_ID",
        };
    }

    private static ProviderDemo Pipedrive(CrmSandbox? sandbox, Func<string, string?> env)
    {
        var token = env("CRMGEN_PIPEDRIVE_API_TOKEN");
        var account = string.IsNullOrEmpty(token)
            ? new IntegratedAccount("pipedrive", new CrmCredentials([new("api_token", sandbox!.Options.PipedriveApiToken)]))
            {
                Id = "quickstart-pipedrive",
                BaseAddressOverride = sandbox.BaseAddressFor("pipedrive"),
            }
            : new IntegratedAccount("pipedrive", new CrmCredentials([new("api_token", token)])) { Id = "quickstart-pipedrive" };
        return new ProviderDemo { Name = "pipedrive", Account = account, IsLive = !string.IsNullOrEmpty(token), Contact = Ada("ada.lovelace@example.com") };
    }

    private static Contact Ada(string email) => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "Analyst",
        EmailAddresses = [new EmailAddress { Email = email, Type = "work" }],
        PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" }],
    };

    // The unified POST /associations body: an account linked to the new contact.
    private static Association AccountToContact(string accountId, Contact contact) => new()
    {
        Entity = "accounts",
        EntityId = accountId,
        Associations = new AssociationLinks { Contacts = [new RecordReference { Id = contact.Id }] },
    };

    private static bool Has(Func<string, string?> env, string name) => !string.IsNullOrEmpty(env(name));
}
