using CrmGen.EndToEnd.Tests.Semantics;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.OptionsGrid;

/// <summary>
/// A fresh sandbox and a <see cref="CrmClient"/> with the built-in providers over real loopback
/// HTTP, sharing an <see cref="InstantTimeProvider"/> (retry waits take no real time). A
/// <see cref="WireTap"/> under the client keeps the bytes of every response the sandbox sent.
/// </summary>
internal sealed class GridKit : IAsyncDisposable
{
    private GridKit(CrmSandbox sandbox, InstantTimeProvider clock, WireTap tap, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Tap = tap;
        Client = client;
        HubSpot = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
        {
            Id = "grid-hubspot",
            BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
        };
        Close = new IntegratedAccount("close", CrmCredentials.ApiKey(sandbox.Options.CloseApiKey))
        {
            Id = "grid-close",
            BaseAddressOverride = sandbox.BaseAddressFor("close"),
        };
        HighLevel = new IntegratedAccount("highlevel", CrmCredentials.AccessToken(sandbox.Options.HighLevelAccessToken),
            new Dictionary<string, string> { ["location_id"] = sandbox.Options.HighLevelLocationId })
        {
            Id = "grid-highlevel",
            BaseAddressOverride = sandbox.BaseAddressFor("highlevel"),
        };
        Pipedrive = new IntegratedAccount("pipedrive", new CrmCredentials([new("api_token", sandbox.Options.PipedriveApiToken)]))
        {
            Id = "grid-pipedrive",
            BaseAddressOverride = sandbox.BaseAddressFor("pipedrive"),
        };
        Salesforce = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(sandbox.Options.SalesforceAccessToken),
            new Dictionary<string, string> { ["instance_url"] = sandbox.BaseAddressFor("salesforce").AbsoluteUri.TrimEnd('/') })
        {
            Id = "grid-salesforce",
        };
    }

    public CrmSandbox Sandbox { get; }

    public InstantTimeProvider Clock { get; }

    public IReadOnlyList<TimeSpan> Waits => Clock.Waits;

    public WireTap Tap { get; }

    public CrmClient Client { get; }

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

    public static async Task<GridKit> StartAsync()
    {
        var clock = new InstantTimeProvider();
        var sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { TimeProvider = clock });
        var tap = new WireTap(new SocketsHttpHandler());
        var client = new CrmClient(new HttpClient(tap) { Timeout = Timeout.InfiniteTimeSpan }, BuiltInProviders.All,
            new CrmClientOptions { TimeProvider = clock, Timeout = Timeout.InfiniteTimeSpan });
        return new GridKit(sandbox, clock, tap, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>Reads each response body off the wire, keeps its bytes, and hands the client an identical copy.</summary>
internal sealed class WireTap : DelegatingHandler
{
    private readonly List<byte[]> _bodies = new();

    public WireTap(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>The response bodies, in the order they arrived.</summary>
    public IReadOnlyList<byte[]> Bodies
    {
        get
        {
            lock (_bodies) return _bodies.ToArray();
        }
    }

    /// <summary>Forgets the bodies kept so far (after seeding).</summary>
    public void Clear()
    {
        lock (_bodies) _bodies.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_bodies) _bodies.Add(bytes);
        var copy = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;
        return response;
    }
}
