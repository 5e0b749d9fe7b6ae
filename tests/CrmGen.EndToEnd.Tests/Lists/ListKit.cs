using CrmGen.EndToEnd.Tests.Semantics;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Lists;

/// <summary>
/// A sandbox on loopback and a <see cref="CrmClient"/> over real HTTP with the built-in
/// providers, sharing a clock whose waits take no time (retries are instant and recorded), with
/// a HubSpot and a Salesforce account pointed at the sandbox.
/// </summary>
internal sealed class ListKit : IAsyncDisposable
{
    private ListKit(CrmSandbox sandbox, InstantTimeProvider clock, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
        HubSpot = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
        {
            Id = "acme-hubspot",
            BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
        };
        InstanceUrl = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/');
        Salesforce = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(sandbox.Options.SalesforceAccessToken),
            new Dictionary<string, string> { ["instance_url"] = InstanceUrl }) { Id = "acme-salesforce" };
    }

    public CrmSandbox Sandbox { get; }

    public InstantTimeProvider Clock { get; }

    public CrmClient Client { get; }

    public IntegratedAccount HubSpot { get; }

    public IntegratedAccount Salesforce { get; }

    /// <summary>The sandbox's stand-in for the Salesforce org's instance URL.</summary>
    public string InstanceUrl { get; }

    public static async Task<ListKit> StartAsync()
    {
        var clock = new InstantTimeProvider();
        var sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { TimeProvider = clock });
        var client = new CrmClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, BuiltInProviders.All,
            new CrmClientOptions { TimeProvider = clock, Timeout = Timeout.InfiniteTimeSpan });
        return new ListKit(sandbox, clock, client);
    }

    /// <summary>Adds <paramref name="count"/> HubSpot contacts: first names <c>C000</c>, <c>C001</c>…, e-mail <c>c000@example.com</c>…</summary>
    public IReadOnlyList<HubSpotContact> SeedHubSpot(int count, Func<int, Dictionary<string, string>>? extra = null)
    {
        var records = new List<HubSpotContact>();
        for (var i = 0; i < count; i++)
        {
            var properties = extra?.Invoke(i) ?? new Dictionary<string, string>();
            properties["firstname"] = $"C{i:000}";
            properties["lastname"] = "Lovelace";
            properties["email"] = $"c{i:000}@example.com";
            records.Add(Sandbox.HubSpot.Contacts.Insert(properties));
        }
        return records;
    }

    /// <summary>Adds <paramref name="count"/> Salesforce contacts: first names <c>S0000</c>…, last name Hopper.</summary>
    public IReadOnlyList<SalesforceRecord> SeedSalesforce(int count)
    {
        var records = new List<SalesforceRecord>();
        for (var i = 0; i < count; i++)
        {
            records.Add(Sandbox.Salesforce.SObjects.Insert("Contact", new Dictionary<string, object?>
            {
                ["FirstName"] = $"S{i:0000}",
                ["LastName"] = "Hopper",
                ["Email"] = $"s{i:0000}@example.com",
            }));
        }
        return records;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
