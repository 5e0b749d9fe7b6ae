using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.HighLevel;

/// <summary>
/// A sandbox on loopback, a <see cref="CrmClient"/> over real HTTP with the built-in providers, and
/// a HighLevel integrated account (access token and location id) pointed at the sandbox.
/// </summary>
internal sealed class HighLevelKit : IAsyncDisposable
{
    public const string AccountId = "acme-highlevel";

    private HighLevelKit(CrmSandbox sandbox, ManualTimeProvider clock, CrmClient client)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = client;
        Account = NewAccount(new Dictionary<string, string> { ["location_id"] = sandbox.Options.HighLevelLocationId });
    }

    public CrmSandbox Sandbox { get; }

    public ManualTimeProvider Clock { get; }

    public CrmClient Client { get; }

    /// <summary>The account: the sandbox's token and its location as <c>location_id</c>.</summary>
    public IntegratedAccount Account { get; }

    public HighLevelEmulator HighLevel => Sandbox.HighLevel;

    /// <summary>Starts a sandbox and a client.</summary>
    /// <param name="configure">Changes to the sandbox's options.</param>
    /// <param name="client">The client's options, given the sandbox's clock; null for the defaults.</param>
    public static async Task<HighLevelKit> StartAsync(Action<CrmSandboxOptions>? configure = null, Func<ManualTimeProvider, CrmClientOptions>? client = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var sandbox = await CrmSandbox.StartAsync(options);
        return new HighLevelKit(sandbox, clock, new CrmClient(new HttpClient(), BuiltInProviders.All, client?.Invoke(clock)));
    }

    /// <summary>An account with the sandbox's token and the given context values.</summary>
    public IntegratedAccount NewAccount(IReadOnlyDictionary<string, string> context, string? token = null)
        => new("highlevel", CrmCredentials.AccessToken(token ?? Sandbox.Options.HighLevelAccessToken), context)
        {
            Id = AccountId,
            BaseAddressOverride = Sandbox.BaseAddressFor("highlevel"),
        };

    /// <summary>The account with more context values.</summary>
    public IntegratedAccount WithContext(params (string Name, string Value)[] values)
    {
        var context = new Dictionary<string, string>(Account.Context);
        foreach (var (name, value) in values) context[name] = value;
        return NewAccount(context);
    }

    /// <summary>Asserts what every HighLevel request carries: the bearer token, the API version and JSON accepted.</summary>
    public void AssertHighLevelHeaders(SandboxRequest request)
    {
        Assert.Equal("highlevel", request.Provider);
        Assert.Equal("Bearer " + Sandbox.Options.HighLevelAccessToken, request.Header("Authorization"));
        Assert.Equal("2021-07-28", request.Header("Version"));
        Assert.Equal("application/json", request.Header("Accept"));
    }

    /// <summary>Parses a recorded JSON body.</summary>
    public static JsonElement Body(SandboxRequest request)
    {
        Assert.Equal("application/json", request.Header("Content-Type")?.Split(';')[0]);
        using var document = request.ParseBody();
        return document.RootElement.Clone();
    }

    /// <summary>Asserts that every HighLevel request so far follows HighLevel's OpenAPI description, and that there was at least one.</summary>
    public void AssertRequestsFollowOpenApi()
        => Assert.True(HighLevelOpenApi.AssertRequestsFollowTheDescription(Sandbox) > 0, "No HighLevel request was made.");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
