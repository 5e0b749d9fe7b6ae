// CrmGen QuickStart: the three operations of the unified API on five CRMs through one client,
// printing the unified results.
//
//   dotnet run --project samples/QuickStart                  contacts, pipelines, associations and a contacts list
//   dotnet run --project samples/QuickStart -- capabilities  what each built-in provider can do, as JSON
//
// Each provider runs the operations it supports:
//   contacts create       HubSpot, Salesforce, Close, HighLevel, Pipedrive
//   pipelines create      HubSpot (deal pipelines), Close, Pipedrive
//   associations create   HubSpot, Salesforce, HighLevel (an account linked to the new contact)
//   contacts list         HubSpot, Salesforce (every page, records streamed as they arrive)
//
// By default every provider is the CrmGen sandbox: in-memory emulators of the providers' APIs on
// loopback, so no account and no network are needed. Environment variables switch a provider to
// its live API (see README.md); the others keep using the sandbox.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmGen;
using CrmGen.Providers;
using CrmGen.Sandbox;

if (args is ["capabilities"])
{
    // Per provider, resource and operation: the unified fields it supports (writes or reads) and requires.
    Console.WriteLine(CrmCapabilities.Describe(BuiltInProviders.All).ToJson());
    return 0;
}
if (args.Length > 0)
{
    Console.Error.WriteLine("usage: dotnet run --project samples/QuickStart [-- capabilities]");
    return 2;
}

await using var sandbox = ProviderDemos.AllLive(Environment.GetEnvironmentVariable) ? null : await CrmSandbox.StartAsync();
using var client = CrmClient.Create(BuiltInProviders.All);
var json = new JsonSerializerOptions
{
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // console output, not HTML
};

var failures = 0;
foreach (var demo in ProviderDemos.Create(sandbox, Environment.GetEnvironmentVariable))
{
    var provider = client.Providers.FirstOrDefault(p => p.Name == demo.Name);
    if (provider is null)
    {
        Console.WriteLine($"== {demo.Name}: not among the built-in providers; skipped ==");
        Console.WriteLine();
        continue;
    }
    Console.WriteLine($"== {provider.DisplayName} ({demo.Target}) ==");
    Console.WriteLine();

    try
    {
        Contact? contact = null;
        if (provider.FindOperation("contacts", "create") is null) Skip("contacts create", $"{provider.DisplayName} defines no contacts create");
        else if (demo.Contact is null) Skip("contacts create", demo.ContactSkipped);
        else
        {
            contact = await client.Contacts.CreateAsync(demo.Account, demo.Contact);
            Show("contacts create", contact);
        }

        if (provider.FindOperation("pipelines", "create") is not null)
        {
            var pipeline = await client.Pipelines.CreateAsync(demo.Account, new Pipeline { Name = "Enterprise sales" });
            Show("pipelines create", pipeline);
        }

        if (provider.Operations.Any(o => o.Resource == AssociationsClient.LinkResource))
        {
            if (contact is null) Skip("associations create", "no contact was created to link");
            else if (demo.Association is null) Skip("associations create", demo.AssociationSkipped);
            else
            {
                var association = await client.Associations.CreateAsync(demo.Account, demo.Association(contact));
                Show("associations create", association);
            }
        }

        if (provider.FindOperation("contacts", "list") is not null)
        {
            // ListAllAsync follows the provider's pages to the end; each record is mapped as soon
            // as its bytes arrive. remote_data is left out to keep the listing short.
            Console.WriteLine("contacts list:");
            var listed = 0;
            await foreach (var listedContact in client.Contacts.ListAllAsync(demo.Account, options: new CrmRequestOptions { IgnoreRemoteData = true }))
            {
                Console.WriteLine($"  {listedContact.Id}  {listedContact.Name ?? listedContact.FirstName}  {listedContact.EmailAddresses?.FirstOrDefault()?.Email}");
                if (++listed == 10) break;
            }
            Console.WriteLine(listed == 0 ? "  (no contacts)" : "");
        }
    }
    catch (CrmException ex)
    {
        Console.Error.WriteLine($"{provider.DisplayName}: {ex.Message}");
        Console.Error.WriteLine();
        failures++;
    }
}
return failures == 0 ? 0 : 1;

void Show<T>(string operation, T record)
{
    Console.WriteLine($"{operation}:");
    Console.WriteLine(Indented(record, json));
    Console.WriteLine();
}

static void Skip(string operation, string? reason)
{
    Console.WriteLine($"{operation}: skipped ({reason})");
    Console.WriteLine();
}

// remote_data is the provider's raw JSON, written verbatim; a second pass indents it too.
static string Indented<T>(T value, JsonSerializerOptions options)
{
    using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(value, options));
    return JsonSerializer.Serialize(document.RootElement, options);
}
