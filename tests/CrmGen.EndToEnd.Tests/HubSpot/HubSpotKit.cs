using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// A sandbox on loopback, a <see cref="CrmClient"/> over real HTTP with the built-in providers, and
/// a HubSpot integrated account pointed at the sandbox.
/// </summary>
internal sealed class HubSpotKit : IAsyncDisposable
{
    public const string AccountId = "acme-hubspot";

    private HubSpotKit(CrmSandbox sandbox, ManualTimeProvider clock, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
        Account = new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox.Options.HubSpotAccessToken))
        {
            Id = AccountId,
            BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
        };
    }

    public CrmSandbox Sandbox { get; }

    public ManualTimeProvider Clock { get; }

    public CrmClient Client { get; }

    public IntegratedAccount Account { get; }

    public HubSpotEmulator HubSpot => Sandbox.HubSpot;

    public static async Task<HubSpotKit> StartAsync(Action<CrmSandboxOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var sandbox = await CrmSandbox.StartAsync(options);
        return new HubSpotKit(sandbox, clock, new CrmClient(new HttpClient(), BuiltInProviders.All));
    }

    /// <summary>The same account with another access token.</summary>
    public IntegratedAccount WithToken(string token)
        => new(Account.Provider, CrmCredentials.AccessToken(token), Account.Context) { Id = Account.Id, BaseAddressOverride = Account.BaseAddressOverride };

    /// <summary>The only request the sandbox received.</summary>
    public SandboxRequest SingleRequest() => Assert.Single(Sandbox.Requests);

    /// <summary>Asserts the headers every HubSpot request carries: the bearer token and JSON accepted.</summary>
    public void AssertHubSpotHeaders(SandboxRequest request)
    {
        Assert.Equal("hubspot", request.Provider);
        Assert.Equal("Bearer " + Sandbox.Options.HubSpotAccessToken, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    /// <summary>Parses a recorded JSON body.</summary>
    public static JsonElement Body(SandboxRequest request)
    {
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        using var document = request.ParseBody();
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
