using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.EndToEnd;

/// <summary>
/// A sandbox on loopback, a <see cref="CrmClient"/> over real HTTP with the built-in providers, and
/// integrated accounts pointed at the sandbox.
/// </summary>
internal sealed class EndToEndKit : IAsyncDisposable
{
    private EndToEndKit(CrmSandbox sandbox, ManualTimeProvider clock, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
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
    }

    public CrmSandbox Sandbox { get; }

    public ManualTimeProvider Clock { get; }

    public CrmClient Client { get; }

    public IntegratedAccount HubSpot { get; }

    public IntegratedAccount Close { get; }

    public static async Task<EndToEndKit> StartAsync()
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var sandbox = await CrmSandbox.StartAsync(new CrmSandboxOptions { TimeProvider = clock });
        return new EndToEndKit(sandbox, clock, new CrmClient(new HttpClient(), BuiltInProviders.All));
    }

    /// <summary>The same account with other credentials.</summary>
    public static IntegratedAccount WithCredentials(IntegratedAccount account, CrmCredentials credentials)
        => new(account.Provider, credentials, account.Context) { Id = account.Id, BaseAddressOverride = account.BaseAddressOverride };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
