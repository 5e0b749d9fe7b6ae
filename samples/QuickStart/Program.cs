// CrmGen QuickStart: creates a contact on HubSpot and a pipeline on Close through one API,
// and prints the unified results.
//
//   dotnet run --project samples/QuickStart
//
// By default both providers are the CrmGen sandbox: in-memory emulators of HubSpot's and
// Close's APIs on loopback, so no account and no network are needed. Set these environment
// variables to call the real APIs instead (each one independently):
//
//   CRMGEN_HUBSPOT_ACCESS_TOKEN  a HubSpot private app access token with the
//                                crm.objects.contacts.write scope; the contact is created in
//                                that HubSpot account.
//   CRMGEN_CLOSE_API_KEY         a Close API key; the pipeline is created in that Close
//                                organization.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmGen;
using CrmGen.Providers;
using CrmGen.Sandbox;

var hubSpotToken = Environment.GetEnvironmentVariable("CRMGEN_HUBSPOT_ACCESS_TOKEN");
var closeApiKey = Environment.GetEnvironmentVariable("CRMGEN_CLOSE_API_KEY");

// The sandbox stands in for whichever provider has no credentials in the environment.
await using var sandbox = string.IsNullOrEmpty(hubSpotToken) || string.IsNullOrEmpty(closeApiKey)
    ? await CrmSandbox.StartAsync()
    : null;

var hubSpot = string.IsNullOrEmpty(hubSpotToken)
    ? new IntegratedAccount("hubspot", CrmCredentials.AccessToken(sandbox!.Options.HubSpotAccessToken))
    {
        Id = "quickstart-hubspot",
        BaseAddressOverride = sandbox.BaseAddressFor("hubspot"),
    }
    : new IntegratedAccount("hubspot", CrmCredentials.AccessToken(hubSpotToken)) { Id = "quickstart-hubspot" };

var close = string.IsNullOrEmpty(closeApiKey)
    ? new IntegratedAccount("close", CrmCredentials.ApiKey(sandbox!.Options.CloseApiKey))
    {
        Id = "quickstart-close",
        BaseAddressOverride = sandbox.BaseAddressFor("close"),
    }
    : new IntegratedAccount("close", CrmCredentials.ApiKey(closeApiKey)) { Id = "quickstart-close" };

using var client = CrmClient.Create(BuiltInProviders.All);
var json = new JsonSerializerOptions
{
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // console output, not HTML
};

try
{
    // HubSpot keeps one contact per e-mail address: against the real API, make it unique per run.
    var email = hubSpot.BaseAddressOverride is null
        ? $"ada.lovelace+{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}@example.com"
        : "ada.lovelace@example.com";
    var contact = await client.Contacts.CreateAsync(hubSpot, new Contact
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "Analyst",
        EmailAddresses = [new EmailAddress { Email = email, Type = "work" }],
        PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" }],
    });
    Console.WriteLine($"Contact created on HubSpot ({Target(hubSpot)}):");
    Console.WriteLine(Indented(contact, json));
    Console.WriteLine();

    var pipeline = await client.Pipelines.CreateAsync(close, new Pipeline { Name = "Enterprise sales" });
    Console.WriteLine($"Pipeline created on Close ({Target(close)}):");
    Console.WriteLine(Indented(pipeline, json));
    return 0;
}
catch (CrmException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// remote_data is the provider's raw JSON, written verbatim; a second pass indents it too.
static string Indented<T>(T value, JsonSerializerOptions options)
{
    using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, options));
    return JsonSerializer.Serialize(document.RootElement, options);
}

static string Target(IntegratedAccount account) => account.BaseAddressOverride is null ? "live API" : "sandbox";
