using System.Reflection;
using System.Text.Json.Serialization;
using CrmGen.Providers;

namespace CrmGen.EndToEnd.Tests.Salesforce;

/// <summary>
/// Salesforce contact create through <see cref="CrmClient"/>, the generated adapter and the sandbox,
/// over loopback HTTP; the fields come from the seed's contacts create matrix.
/// </summary>
public class SalesforceContactCreateTests
{
    // How each unified request field reaches Salesforce: a value to set on the contact, and the
    // Contact field (REST API sObject field) it must arrive in. Every field the matrix lists as
    // supported for Salesforce must have an entry.
    private static readonly Dictionary<string, (Action<Contact> Set, string SalesforceField, string Value)> Fields = new()
    {
        ["first_name"] = (c => c.FirstName = "Ada", "FirstName", "Ada"),
        ["last_name"] = (c => c.LastName = "Lovelace", "LastName", "Lovelace"),
        ["email_addresses"] = (c => c.EmailAddresses = [new EmailAddress { Email = "ada@example.com", Type = "work" }], "Email", "ada@example.com"),
    };

    /// <summary>A contact with every field the matrix supports for Salesforce, plus fields it does not.</summary>
    private static Contact FullContact()
    {
        var contact = new Contact
        {
            // Not supported for Salesforce by the matrix: never sent.
            Title = "Analyst",
            PhoneNumbers = [new PhoneNumber { Number = "+44 20 7946 0958", Type = "phone" }],
            Addresses = [new Address { City = "London" }],
            Account = new AccountReference { Id = "001000000000001AAA" },
            CustomFields = new Dictionary<string, object?> { ["Engine__c"] = "analytical" },
        };
        foreach (var field in SalesforceSeedMatrix.RequestSupported())
        {
            Assert.True(Fields.ContainsKey(field), $"The matrix lists '{field}' as supported for Salesforce; the test has no value for it.");
            Fields[field].Set(contact);
        }
        return contact;
    }

    [Fact]
    public void The_operation_writes_and_requires_exactly_the_matrix_fields()
    {
        var operation = SalesforceProvider.Instance.FindOperation("contacts", "create");

        Assert.NotNull(operation);
        Assert.Equal(SalesforceSeedMatrix.RequestSupported(), operation.WrittenFields.Order(StringComparer.Ordinal));
        Assert.Equal(SalesforceSeedMatrix.RequestRequired(), operation.RequiredFields.Order(StringComparer.Ordinal));
        // Salesforce's create response is {id, success, errors}: the id is read (the matrix lists no
        // response field for Salesforce), and every response field the matrix lists would be read.
        Assert.Subset(operation.ReadFields.ToHashSet(), SalesforceSeedMatrix.ResponseSupported().ToHashSet());
        Assert.Equal(["id"], operation.ReadFields);
    }

    [Fact]
    public async Task The_provider_request_is_exactly_what_Salesforce_documents()
    {
        await using var kit = await SalesforceKit.StartAsync();

        await kit.Client.Contacts.CreateAsync(kit.Account, FullContact());

        var request = Assert.Single(kit.Sandbox.Requests);
        Assert.Equal("salesforce", request.Provider);
        Assert.Equal("POST", request.Method);
        Assert.Equal(SalesforceKit.ApiRoot + "/sobjects/Contact/", request.PathAndQuery);
        Assert.Equal("Bearer " + kit.Sandbox.Options.SalesforceAccessToken, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));

        using var body = request.ParseBody();
        var expected = SalesforceSeedMatrix.RequestSupported().ToDictionary(f => Fields[f].SalesforceField, f => Fields[f].Value);
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            body.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_unified_result_carries_the_new_id_and_the_remote_data()
    {
        await using var kit = await SalesforceKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, FullContact());

        var record = Assert.Single(kit.SObjects.RecordsOf("Contact"));
        Assert.Equal(record.Id, contact.Id);
        Assert.Matches("^003[0-9A-Za-z]{15}$", contact.Id);
        Assert.Equal("Ada", record["FirstName"]);
        Assert.Equal("Lovelace", record["LastName"]);
        Assert.Equal("ada@example.com", record["Email"]);
        Assert.Null(record["Title"]);

        // Salesforce answers with the id only: nothing else is invented.
        Assert.Null(contact.FirstName);
        Assert.Null(contact.EmailAddresses);
        Assert.NotNull(contact.RemoteData);
        using var remote = contact.RemoteData!.Parse();
        Assert.Equal(record.Id, remote.RootElement.GetProperty("id").GetString());
        Assert.True(remote.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(0, remote.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task IgnoreRemoteData_leaves_remote_data_out_and_keeps_the_id()
    {
        await using var kit = await SalesforceKit.StartAsync();

        var contact = await kit.Client.Contacts.CreateAsync(kit.Account, FullContact(), new CrmRequestOptions { IgnoreRemoteData = true });

        Assert.Null(contact.RemoteData);
        Assert.Equal(Assert.Single(kit.SObjects.RecordsOf("Contact")).Id, contact.Id);
    }

    [Theory]
    [MemberData(nameof(SalesforceSeedMatrix.RequiredFieldData), MemberType = typeof(SalesforceSeedMatrix))]
    public async Task A_missing_required_field_names_field_and_provider_and_sends_nothing(string field)
    {
        await using var kit = await SalesforceKit.StartAsync();
        var contact = FullContact();
        Clear(contact, field);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(field, ex.Field);
        Assert.Equal("salesforce", ex.Provider);
        Assert.Contains($"'{field}'", ex.Message);
        Assert.Contains("'salesforce'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
        Assert.Empty(kit.SObjects.Records);
    }

    [Fact]
    public async Task Salesforces_error_array_becomes_a_provider_exception_with_code_message_and_raw_body()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var contact = FullContact();
        contact.EmailAddresses = [new EmailAddress { Email = "not-an-email" }];

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, contact));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("salesforce", ex.Provider);
        Assert.Equal(SalesforceKit.AccountId, ex.AccountId);
        Assert.Equal("INVALID_EMAIL_ADDRESS", ex.ProviderCode);
        Assert.Equal("Email: invalid email address: not-an-email", ex.ProviderMessage);
        Assert.Equal("""[{"message":"Email: invalid email address: not-an-email","errorCode":"INVALID_EMAIL_ADDRESS","fields":["Email"]}]""", ex.RawBody);
        Assert.Contains("[INVALID_EMAIL_ADDRESS]", ex.Message);
        Assert.Empty(kit.SObjects.Records);
    }

    [Fact]
    public async Task Of_several_errors_the_first_is_reported_and_all_are_kept_in_the_raw_body()
    {
        await using var kit = await SalesforceKit.StartAsync();
        const string body = """[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]},{"message":"Email: invalid email address: x","errorCode":"INVALID_EMAIL_ADDRESS","fields":["Email"]}]""";
        kit.Sandbox.FailNextRequest(400, body, "application/json;charset=UTF-8", provider: "salesforce");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, FullContact()));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("REQUIRED_FIELD_MISSING", ex.ProviderCode);
        Assert.Equal("Required fields are missing: [LastName]", ex.ProviderMessage);
        Assert.Equal(body, ex.RawBody);
    }

    [Fact]
    public async Task An_error_body_that_is_not_Salesforces_array_keeps_status_and_raw_body()
    {
        await using var kit = await SalesforceKit.StartAsync();
        kit.Sandbox.FailNextRequest(400, "<html>Bad Request</html>", "text/html", provider: "salesforce");

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, FullContact()));

        Assert.Equal(400, ex.StatusCode);
        Assert.Null(ex.ProviderCode);
        Assert.Null(ex.ProviderMessage);
        Assert.Equal("<html>Bad Request</html>", ex.RawBody);
    }

    [Fact]
    public async Task A_refused_token_names_account_and_provider_but_never_the_token()
    {
        await using var kit = await SalesforceKit.StartAsync();
        const string wrongToken = "00DHs000000abcd!AQ4AQExpiredTokenValue0000000000";
        var account = kit.AccountWith(CrmCredentials.AccessToken(wrongToken));

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(account, FullContact()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("INVALID_SESSION_ID", ex.ProviderCode);
        Assert.Equal("Session expired or invalid", ex.ProviderMessage);
        Assert.Contains($"refused the credentials of integrated account '{SalesforceKit.AccountId}'", ex.Message);
        Assert.Contains("'salesforce'", ex.Message);
        Assert.DoesNotContain(wrongToken, ex.ToString());
        Assert.DoesNotContain(wrongToken, ex.RawBody);
        Assert.Equal("Bearer " + wrongToken, Assert.Single(kit.Sandbox.Requests).Header("Authorization"));
        Assert.Empty(kit.SObjects.Records);
    }

    [Fact]
    public async Task A_spent_daily_allocation_is_REQUEST_LIMIT_EXCEEDED_and_the_create_is_not_retried()
    {
        await using var kit = await SalesforceKit.StartAsync(o => o.SalesforceApiRequestsPerDay = 1);
        await kit.Client.Contacts.CreateAsync(kit.Account, FullContact());
        var second = FullContact();
        second.EmailAddresses = [new EmailAddress { Email = "ada.second@example.com" }];

        var ex = await Assert.ThrowsAsync<CrmProviderException>(() => kit.Client.Contacts.CreateAsync(kit.Account, second));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", ex.ProviderCode);
        Assert.Equal("TotalRequests Limit exceeded.", ex.ProviderMessage);
        Assert.Equal(2, kit.Sandbox.Requests.Count);
        Assert.Single(kit.SObjects.RecordsOf("Contact"));
    }

    [Fact]
    public async Task An_account_without_instance_url_is_refused_before_any_request()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = new IntegratedAccount("salesforce", CrmCredentials.AccessToken(kit.Sandbox.Options.SalesforceAccessToken)) { Id = SalesforceKit.AccountId };

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Contacts.CreateAsync(account, FullContact()));

        Assert.Contains("'instance_url'", ex.Message);
        Assert.Contains($"'{SalesforceKit.AccountId}'", ex.Message);
        Assert.Empty(kit.Sandbox.Requests);
    }

    [Fact]
    public async Task An_account_without_access_token_is_refused_before_any_request()
    {
        await using var kit = await SalesforceKit.StartAsync();
        var account = kit.AccountWith(CrmCredentials.ApiKey("not-what-salesforce-uses"));

        var ex = await Assert.ThrowsAsync<CrmConfigurationException>(() => kit.Client.Contacts.CreateAsync(account, FullContact()));

        Assert.Contains("'access_token'", ex.Message);
        Assert.DoesNotContain("not-what-salesforce-uses", ex.ToString());
        Assert.Empty(kit.Sandbox.Requests);
    }

    private static void Clear(Contact contact, string wireName)
    {
        var property = typeof(Contact).GetProperties()
            .SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == wireName);
        Assert.True(property is not null, $"Contact has no field with the wire name '{wireName}'.");
        property.SetValue(contact, null);
    }
}
