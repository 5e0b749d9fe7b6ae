using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Salesforce;

/// <summary>
/// A sandbox on loopback, a <see cref="CrmClient"/> over real HTTP with the built-in providers, and
/// a Salesforce integrated account whose <c>instance_url</c> context is the sandbox's Salesforce
/// instance (no base-address override: the definition's base URL is built from the context).
/// </summary>
internal sealed class SalesforceKit : IAsyncDisposable
{
    public const string AccountId = "acme-salesforce";
    public const string ApiRoot = "/services/data/v60.0";

    private SalesforceKit(CrmSandbox sandbox, ManualTimeProvider clock, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
        InstanceUrl = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/');
        Account = AccountWith(CrmCredentials.AccessToken(sandbox.Options.SalesforceAccessToken));
    }

    public CrmSandbox Sandbox { get; }

    public ManualTimeProvider Clock { get; }

    public CrmClient Client { get; }

    public IntegratedAccount Account { get; }

    /// <summary>The sandbox's stand-in for <c>https://MyDomainName.my.salesforce.com</c>.</summary>
    public string InstanceUrl { get; }

    public SalesforceSObjectsEmulator SObjects => Sandbox.Salesforce.SObjects;

    public static async Task<SalesforceKit> StartAsync(Action<CrmSandboxOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var sandbox = await CrmSandbox.StartAsync(options);
        return new SalesforceKit(sandbox, clock, new CrmClient(new HttpClient(), BuiltInProviders.All));
    }

    /// <summary>The Salesforce account with other credentials (same id and instance URL).</summary>
    public IntegratedAccount AccountWith(CrmCredentials credentials)
        => new("salesforce", credentials, new Dictionary<string, string> { ["instance_url"] = InstanceUrl }) { Id = AccountId };

    public SalesforceRecord InsertAccount(string name, string? parentId = null)
        => SObjects.Insert("Account", new Dictionary<string, object?> { ["Name"] = name, ["ParentId"] = parentId });

    public SalesforceRecord InsertContact(string lastName, string? accountId = null)
        => SObjects.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = lastName, ["AccountId"] = accountId });

    public SalesforceRecord InsertOpportunity(string name, string? accountId = null)
        => SObjects.Insert("Opportunity", new Dictionary<string, object?>
        {
            ["Name"] = name,
            ["StageName"] = "Prospecting",
            ["CloseDate"] = new DateOnly(2025, 6, 30),
            ["AccountId"] = accountId,
        });

    public SalesforceRecord InsertLead(string lastName, string company)
        => SObjects.Insert("Lead", new Dictionary<string, object?> { ["LastName"] = lastName, ["Company"] = company });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
