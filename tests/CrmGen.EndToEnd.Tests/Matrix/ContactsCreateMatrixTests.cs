using System.Net;
using System.Text.Json;
using CrmGen.EndToEnd.Tests.Support;
using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Matrix;

/// <summary>
/// The contacts create operation of each of the five providers against the seeds' matrix
/// (<c>../shared/seeds/contacts-create-matrix.json</c>, read from the file): every request field
/// the matrix supports is written, the required fields are exactly the matrix's, every response
/// field it supports is read; and a create lacking a required field fails before any HTTP call.
/// </summary>
public class ContactsCreateMatrixTests
{
    /// <summary>Matrix column ↔ provider name.</summary>
    public static TheoryData<string, string> Providers => new()
    {
        { "HubSpot", "hubspot" },
        { "Salesforce", "salesforce" },
        { "Close", "close" },
        { "Highlevel", "highlevel" },
        { "Pipedrive", "pipedrive" },
    };

    /// <summary>Matrix column ↔ provider name ↔ a field the matrix requires for it.</summary>
    public static TheoryData<string, string, string> RequiredFields
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (column, provider) in new[] { ("HubSpot", "hubspot"), ("Salesforce", "salesforce"), ("Close", "close"), ("Highlevel", "highlevel"), ("Pipedrive", "pipedrive") })
            {
                foreach (var required in ContactsCreateMatrix.Instance.RequiredRequestFields(column)) data.Add(column, provider, required);
            }
            return data;
        }
    }

    /// <summary>Matrix column ↔ provider name, for the providers the matrix requires a query parameter of (HighLevel's <c>workspace</c>).</summary>
    public static TheoryData<string, string> ProvidersWithRequiredQuery
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in Providers)
            {
                if (ContactsCreateMatrix.Instance.RequiredQueryParameters((string)row[0]).Count > 0) data.Add((string)row[0], (string)row[1]);
            }
            return data;
        }
    }

    private static ContactsCreateMatrix Matrix => ContactsCreateMatrix.Instance;

    [Fact]
    public void The_matrix_has_a_column_for_each_of_the_five_providers()
    {
        foreach (var column in Providers.Select(row => (string)row[0]))
        {
            Assert.True(Matrix.Providers.Contains(column), $"{Matrix.Path} has no provider column '{column}' (it has: {string.Join(", ", Matrix.Providers)}).");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_request_field_the_matrix_supports_is_written(string column, string provider)
    {
        var create = ContactsCreate(column, provider);

        var missing = Matrix.SupportedRequestFields(column).Except(create.Written).ToArray();

        Assert.True(missing.Length == 0,
            $"{provider} contacts create does not write {string.Join(", ", missing)}, which {ContactsCreateMatrix.RelativePath} lists as supported for {column} (it writes: {List(create.Written)}).");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_required_fields_are_exactly_the_matrix_required_fields(string column, string provider)
    {
        var create = ContactsCreate(column, provider);

        var expected = Matrix.RequiredRequestFields(column);

        Assert.True(expected.SequenceEqual(create.Required),
            $"{provider} contacts create requires [{List(create.Required)}]; {ContactsCreateMatrix.RelativePath} lists [{List(expected)}] as required for {column}.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_response_field_the_matrix_supports_is_read(string column, string provider)
    {
        var create = ContactsCreate(column, provider);

        var missing = Matrix.SupportedResponseFields(column).Except(create.Read).ToArray();

        Assert.True(missing.Length == 0,
            $"{provider} contacts create does not read {string.Join(", ", missing)}, which {ContactsCreateMatrix.RelativePath} lists as supported in the response for {column} (it reads: {List(create.Read)}).");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_create_with_the_required_fields_is_sent(string column, string provider)
    {
        ContactsCreate(column, provider);
        var (client, handler) = NewClient();

        await SendAsync(client, provider, Contact(Matrix.RequiredRequestFields(column)));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_create_lacking_a_required_field_fails_before_any_request_naming_field_and_provider(string column, string provider, string field)
    {
        ContactsCreate(column, provider);
        var (client, handler) = NewClient();
        var contact = Contact(Matrix.RequiredRequestFields(column).Where(f => f != field));

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => SendAsync(client, provider, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal(provider, ex.Provider);
        Assert.Contains(field, ex.Message);
        Assert.Contains(provider, ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [MemberData(nameof(ProvidersWithRequiredQuery))]
    public async Task A_required_query_parameter_missing_from_the_account_fails_before_any_request(string column, string provider)
    {
        ContactsCreate(column, provider);
        var (client, handler) = NewClient();
        var account = Account(provider, withContext: false);

        var ex = await Assert.ThrowsAnyAsync<CrmException>(() => client.Contacts.CreateAsync(account, Contact(Matrix.RequiredRequestFields(column))));

        Assert.True(ex is CrmConfigurationException or CrmValidationException, $"Expected a configuration or validation error, got {ex.GetType().Name}: {ex.Message}");
        Assert.Contains(provider, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(handler.Requests);
    }

    // The provider's contacts create, described from its generated field lists; fails clearly when
    // the provider or the operation is not defined.
    private static OperationCapabilities ContactsCreate(string column, string provider)
    {
        var defined = BuiltInProviders.All.FirstOrDefault(p => p.Name == provider);
        Assert.True(defined is not null,
            $"Provider '{provider}' (matrix column '{column}') is not defined: BuiltInProviders.All has {List(BuiltInProviders.All.Select(p => p.Name))}.");
        var create = CrmCapabilities.Describe(defined).FindOperation("contacts", "create");
        Assert.True(create is not null,
            $"Provider '{provider}' defines no contacts create operation, but {ContactsCreateMatrix.RelativePath} lists {column} with {Matrix.SupportedRequestFields(column).Count} supported request fields.");
        return create;
    }

    private static (CrmClient Client, RecordingHandler Handler) NewClient()
    {
        // Whatever the answer: these tests look at what is sent, not at the mapping of the reply.
        var handler = new RecordingHandler(HttpStatusCode.InternalServerError, """{"message":"not looked at"}""");
        return (new CrmClient(new HttpClient(handler), BuiltInProviders.All), handler);
    }

    private static async Task SendAsync(CrmClient client, string provider, Contact contact)
    {
        try
        {
            await client.Contacts.CreateAsync(Account(provider, withContext: true), contact);
        }
        catch (CrmProviderException)
        {
            // The request was sent; the scripted 500 is expected.
        }
    }

    // An account with a value for every credential and (optionally) every context value the provider declares.
    private static IntegratedAccount Account(string providerName, bool withContext)
    {
        var provider = BuiltInProviders.All.First(p => p.Name == providerName);
        var credentials = new CrmCredentials(provider.CredentialNames.Select(n => new KeyValuePair<string, string>(n, "secret-" + n)));
        var context = withContext
            ? provider.ContextValues.ToDictionary(c => c.Name, c => c.Name.Contains("url", StringComparison.OrdinalIgnoreCase) ? "https://matrix.test.invalid" : "ctx-" + c.Name)
            : new Dictionary<string, string>();
        return new IntegratedAccount(providerName, credentials, context)
        {
            Id = "matrix-" + providerName,
            BaseAddressOverride = new Uri("https://matrix.test.invalid/api/"),
        };
    }

    // A contact with a plausible value for each of the given unified fields (wire names).
    private static Contact Contact(IEnumerable<string> fields)
    {
        var json = new Dictionary<string, JsonElement>();
        foreach (var field in fields)
        {
            Assert.True(SampleValues.TryGetValue(field, out var value), $"No sample value for the contact field '{field}': add one to {nameof(ContactsCreateMatrixTests)}.{nameof(SampleValues)}.");
            json[field] = JsonDocument.Parse(value).RootElement.Clone();
        }
        return JsonSerializer.Deserialize<Contact>(JsonSerializer.Serialize(json))!;
    }

    private static readonly Dictionary<string, string> SampleValues = new()
    {
        ["first_name"] = "\"Ada\"",
        ["last_name"] = "\"Lovelace\"",
        ["name"] = "\"Ada Lovelace\"",
        ["title"] = "\"Analyst\"",
        ["job_title"] = "\"Analyst\"",
        ["description"] = "\"Met at the exhibition\"",
        ["account"] = """{"id":"acc_1","name":"Analytical Engines"}""",
        ["owner"] = """{"id":"usr_1"}""",
        ["email_addresses"] = """[{"email":"ada@example.com","type":"work"}]""",
        ["phone_numbers"] = """[{"number":"+442079460958","type":"phone"}]""",
        ["phone_number"] = "\"+442079460958\"",
        ["addresses"] = """[{"street_1":"12 St James's Square","city":"London","postal_code":"SW1Y 4LB","country":"GB"}]""",
        ["tags"] = """[{"name":"vip"}]""",
        ["urls"] = """[{"url":"https://example.com","type":"website"}]""",
        ["custom_fields"] = """{"tier":"gold"}""",
        ["created_at"] = "\"2024-05-01T10:00:00Z\"",
    };

    private static string List(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "none" : list;
    }
}
