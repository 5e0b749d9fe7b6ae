using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Semantics;

/// <summary>
/// The sandbox on loopback and a <see cref="CrmClient"/> with the generated HubSpot and Close
/// adapters over real HTTP. By default client and sandbox share an <see cref="InstantTimeProvider"/>:
/// retry waits take no real time and are recorded, and the sandbox's rate-limit windows see them.
/// </summary>
internal sealed class SemanticsKit : IAsyncDisposable
{
    private SemanticsKit(CrmSandbox sandbox, TimeProvider clock, CrmClient client, ListLogger<CrmClient> log)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
        Log = log;
        HubSpot = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
        {
            Id = "acme-hubspot",
            BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
        };
        Close = new IntegratedAccount("close", CrmCredentials.ApiKey(sandbox.Options.CloseApiKey))
        {
            Id = "acme-close",
            BaseAddressOverride = sandbox.BaseAddressFor("close"),
        };
        HighLevel = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(sandbox.Options.HighLevelAccessToken),
            new Dictionary<string, string> { ["location_id"] = sandbox.Options.HighLevelLocationId })
        {
            Id = "acme-highlevel",
            BaseAddressOverride = sandbox.BaseAddressFor("highlevel"),
        };
        Pipedrive = new IntegratedAccount("pipedrive", new CrmCredentials([new("api_token", sandbox.Options.PipedriveApiToken)]))
        {
            Id = "acme-pipedrive",
            BaseAddressOverride = sandbox.BaseAddressFor("pipedrive"),
        };
        // Salesforce's base URL comes from the account's instance URL: no override.
        Salesforce = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(sandbox.Options.SalesforceAccessToken),
            new Dictionary<string, string> { ["instance_url"] = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/') })
        {
            Id = "acme-salesforce",
        };
    }

    /// <summary>The five providers of the seeds.</summary>
    public static TheoryData<string> AllProviders => new() { "hubspot", "close", "highlevel", "pipedrive", "salesforce" };

    public CrmSandbox Sandbox { get; }

    public TimeProvider Clock { get; }

    /// <summary>The waits the client took (when the clock is instant).</summary>
    public IReadOnlyList<TimeSpan> Waits => Clock is InstantTimeProvider instant ? instant.Waits : [];

    public CrmClient Client { get; }

    public ListLogger<CrmClient> Log { get; }

    public IntegratedAccount HubSpot { get; }

    public IntegratedAccount Close { get; }

    public IntegratedAccount HighLevel { get; }

    public IntegratedAccount Pipedrive { get; }

    public IntegratedAccount Salesforce { get; }

    public IntegratedAccount Account(string provider) => provider switch
    {
        "hubspot" => HubSpot,
        "close" => Close,
        "highlevel" => HighLevel,
        "pipedrive" => Pipedrive,
        "salesforce" => Salesforce,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// A contact every provider's create accepts: the fields the contacts-create matrix requires of
    /// each (Close: an existing lead as the account), with a per-provider e-mail address.
    /// </summary>
    public Contact ContactFor(string provider, string email = "Ada.Lovelace@Example.COM")
    {
        var contact = new Contact
        {
            FirstName = "Ada",
            LastName = "Lovelace",
            EmailAddresses = [new EmailAddress { Email = email, Type = "work" }],
        };
        if (provider == "close") contact.Account = new AccountReference { Id = Sandbox.Close.Contacts.AddLead("Analytical Engines").Id };
        return contact;
    }

    /// <summary>Creates <see cref="ContactFor"/> on the provider.</summary>
    public Task<Contact> CreateContactAsync(string provider, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
        => Client.Contacts.CreateAsync(Account(provider), ContactFor(provider), options, cancellationToken);

    /// <summary>Starts a sandbox and a client.</summary>
    /// <param name="configure">Adjusts the client settings (the clock is set first).</param>
    /// <param name="sandboxOptions">Adjusts the sandbox settings (the clock is set first).</param>
    /// <param name="realTime">Use the system clock instead of the instant one (timeouts).</param>
    public static async Task<SemanticsKit> StartAsync(Action<CrmClientOptions>? configure = null, Action<CrmSandboxOptions>? sandboxOptions = null, bool realTime = false)
    {
        TimeProvider clock = realTime ? TimeProvider.System : new InstantTimeProvider();
        var options = new CrmSandboxOptions { TimeProvider = clock };
        sandboxOptions?.Invoke(options);
        var sandbox = await CrmSandbox.StartAsync(options);
        var clientOptions = new CrmClientOptions { TimeProvider = clock };
        if (!realTime) clientOptions.Timeout = Timeout.InfiniteTimeSpan;
        configure?.Invoke(clientOptions);
        var log = new ListLogger<CrmClient>();
        var client = new CrmClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, BuiltInProviders.All, clientOptions, log);
        return new SemanticsKit(sandbox, clock, client, log);
    }

    public static Contact Ada() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com", Type = "work" }],
    };

    public static Pipeline Enterprise() => new() { Name = "Enterprise" };

    /// <summary>Creates the seed record of the provider's operation: a HubSpot contact or a Close pipeline.</summary>
    public async Task<string?> CreateAsync(string provider, CrmRequestOptions? options = null, CancellationToken cancellationToken = default)
        => provider == "hubspot"
            ? (await Client.Contacts.CreateAsync(HubSpot, Ada(), options, cancellationToken)).Id
            : (await Client.Pipelines.CreateAsync(Close, Enterprise(), options, cancellationToken)).Id;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
