using System.Globalization;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;
using CrmGen.Sandbox;

namespace CrmGen.EndToEnd.Tests.Pipedrive;

/// <summary>
/// A sandbox on loopback with a Pipedrive company to refer to (an organization, a second user, a
/// person custom field), a <see cref="CrmClient"/> over real HTTP with the built-in providers, and
/// an integrated account pointed at the sandbox.
/// </summary>
internal sealed class PipedriveKit : IAsyncDisposable
{
    private PipedriveKit(CrmSandbox sandbox, ManualTimeProvider clock)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = new CrmClient(new HttpClient(), BuiltInProviders.All);
        Account = new IntegratedAccount("pipedrive", ApiToken(sandbox.Options.PipedriveApiToken))
        {
            Id = "acme-pipedrive",
            BaseAddressOverride = sandbox.BaseAddressFor("pipedrive"),
        };
        Organization = sandbox.Pipedrive.AddOrganization("Analytical Engines Ltd", "12 St James's Square, London");
        Owner = sandbox.Pipedrive.AddUser("Charles Babbage", "charles@example.com");
        EngineField = sandbox.Pipedrive.AddPersonField("Favourite engine");
    }

    public CrmSandbox Sandbox { get; }

    public ManualTimeProvider Clock { get; }

    public CrmClient Client { get; }

    public IntegratedAccount Account { get; }

    public PipedriveOrganization Organization { get; }

    public PipedriveUser Owner { get; }

    public PipedriveCustomField EngineField { get; }

    public static async Task<PipedriveKit> StartAsync(Action<CrmSandboxOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(ManualTimeProvider.DefaultStart);
        var options = new CrmSandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new PipedriveKit(await CrmSandbox.StartAsync(options), clock);
    }

    public static CrmCredentials ApiToken(string token) => new([new("api_token", token)]);

    /// <summary>The account with other credentials or context values.</summary>
    public IntegratedAccount With(CrmCredentials? credentials = null, IReadOnlyDictionary<string, string>? context = null)
        => new("pipedrive", credentials ?? Account.Credentials, context ?? Account.Context) { Id = Account.Id, BaseAddressOverride = Account.BaseAddressOverride };

    /// <summary>A contact with every field the Pipedrive column of the matrix supports on create.</summary>
    public Contact FullContact() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        EmailAddresses =
        [
            new EmailAddress { Email = "ada@example.com", Type = "work" },
            new EmailAddress { Email = "ada@home.example", Type = "personal" },
        ],
        PhoneNumbers =
        [
            new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" },
            new PhoneNumber { Number = "+44 7700 900123", Type = "mobile" },
        ],
        Account = new AccountReference { Id = Organization.Id.ToString(CultureInfo.InvariantCulture) },
        Owner = new OwnerReference { Id = Owner.Id.ToString(CultureInfo.InvariantCulture) },
        Tags = [new Tag { Id = "1" }, new Tag { Id = "2", Name = "Hot lead" }],
        CreatedAt = new DateTimeOffset(2024, 5, 1, 14, 30, 15, TimeSpan.FromHours(2)),
        CustomFields = new Dictionary<string, object?> { [EngineField.Key] = "analytical" },
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
