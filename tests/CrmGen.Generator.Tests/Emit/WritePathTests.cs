using System.Buffers;
using System.Text.Json;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>The generated write path (request body) and request building.</summary>
public abstract class WritePathTests
{
    /// <summary>The compiled sample adapter under test.</summary>
    private protected abstract AdapterAssembly Adapter { get; }

    private ICrmProvider SampleProvider => Adapter.Provider(SampleModel.ProviderClass);

    private CrmOperation<TInput, TOutput> Op<TInput, TOutput>(string resource, string operation)
        where TInput : class
        where TOutput : class
        => Adapter.Operation<TInput, TOutput>(SampleModel.ProviderClass, resource, operation);

    private CrmOperation<Contact, Contact> Create => Op<Contact, Contact>("contacts", "create");

    private static JsonElement Body<TInput, TOutput>(CrmOperation<TInput, TOutput> operation, TInput input)
        where TInput : class
        where TOutput : class
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            operation.WriteBody(writer, Account(), input);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static Contact FullContact() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Title = "countess",
        EmailAddresses = [new EmailAddress { Email = "ada@example.com" }, new EmailAddress { Email = "x@y.z", Type = "home" }],
        Tags = [new Tag { Name = "math" }, new Tag { Id = "t2" }],
        CreatedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Account = new AccountReference { Id = "c1", Name = "Engines" },
        Owner = new OwnerReference { Id = "u1" },
        CustomFields = new Dictionary<string, object?>
        {
            ["shoe_size"] = 38L,
            ["ratio"] = 0.25m,
            ["vip"] = true,
            ["nick"] = "E",
            ["cleared"] = null,
            ["first"] = "mapped fields win",
            ["json"] = JsonDocument.Parse("""{"a":[1]}""").RootElement.Clone(),
            ["when"] = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
    };

    [Fact]
    public void Writes_members_in_mapping_order_with_conversions_and_spread()
    {
        var data = Body(Create, FullContact()).GetProperty("data");
        Assert.Equal(
            new[] { "first", "last", "full", "title", "emails", "tags", "created", "created_ms", "day", "company", "primary", "flags", "owner", "priority", "ratio",
                    "shoe_size", "vip", "nick", "cleared", "json", "when" },
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Ada", data.GetProperty("first").GetString());
        Assert.Equal("Ada Lovelace", data.GetProperty("full").GetString());
        Assert.Equal("COUNTESS", data.GetProperty("title").GetString());
        Assert.Equal("""[{"address":"ada@example.com","kind":"work"},{"address":"x@y.z","kind":"home"}]""", data.GetProperty("emails").GetRawText());
        Assert.Equal("""["math"]""", data.GetProperty("tags").GetRawText());
        Assert.Equal("2024-01-02T03:04:05.0000000+00:00", data.GetProperty("created").GetString());
        Assert.Equal(1704164645000L, data.GetProperty("created_ms").GetInt64());
        Assert.Equal("2024-01-02", data.GetProperty("day").GetString());
        Assert.Equal("""{"id":"c1","name":"Engines"}""", data.GetProperty("company").GetRawText());
        Assert.Equal("ada@example.com", data.GetProperty("primary").GetString());
        Assert.Equal("""["api","owned"]""", data.GetProperty("flags").GetRawText());
        Assert.Equal("user:u1", data.GetProperty("owner").GetString());
        Assert.Equal("2", data.GetProperty("priority").GetRawText());
        Assert.Equal("0.5", data.GetProperty("ratio").GetRawText());
        Assert.Equal(38, data.GetProperty("shoe_size").GetInt32());
        Assert.True(data.GetProperty("vip").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("cleared").ValueKind);
        Assert.Equal("""{"a":[1]}""", data.GetProperty("json").GetRawText());
        Assert.Equal("2020-01-01T00:00:00.0000000+00:00", data.GetProperty("when").GetString());
    }

    [Fact]
    public void Null_values_are_left_out()
    {
        var data = Body(Create, new Contact { FirstName = "Ada" }).GetProperty("data");
        Assert.Equal(new[] { "first", "last", "full", "flags", "priority", "ratio" }, data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Unknown", data.GetProperty("last").GetString());
        Assert.Equal("Ada ", data.GetProperty("full").GetString());
        Assert.Equal("""["api"]""", data.GetProperty("flags").GetRawText());
    }

    [Fact]
    public void Two_way_table_writes_backwards()
    {
        var update = Op<Contact, Contact>("contacts", "update");
        var body = Body(update, new Contact
        {
            FirstName = "Ada",
            PhoneNumbers = [new PhoneNumber { Number = "1", Type = "mobile" }, new PhoneNumber { Number = "2", Type = "fax" }],
        });
        Assert.Equal("""{"name":{"first":"Ada"},"phones":[{"number":"1","kind":"cell"},{"number":"2"}]}""", body.GetRawText());
        var back = update.ReadResponse("""{"data":{"name":{"first":"Ada"},"phones":[{"number":"1","kind":"cell"}]}}"""u8, CrmReadOptions.Default);
        Assert.Equal("mobile", back.PhoneNumbers![0].Type);
    }

    [Fact]
    public void Validate_names_the_missing_required_field()
    {
        Create.Validate(FullContact());
        var missing = Assert.Throws<CrmValidationException>(() => Create.Validate(new Contact { FirstName = "Ada", EmailAddresses = [] }));
        Assert.Equal("email_addresses", missing.Field);
        Assert.Equal("sample", missing.Provider);
        Assert.Equal("first_name", Assert.Throws<CrmValidationException>(() => Create.Validate(new Contact { FirstName = "" })).Field);
    }

    private static IntegratedAccount Account(Uri? overrideAddress = null, bool withSubdomain = true)
        => new("sample", CrmCredentials.ApiKey("secret"), withSubdomain ? new Dictionary<string, string> { ["subdomain"] = "acme", ["region"] = "eu" } : null)
        {
            BaseAddressOverride = overrideAddress,
        };

    [Fact]
    public void Provider_and_operation_build_the_request()
    {
        var request = new CrmRequestBuilder(Create.Method, "sample");
        SampleProvider.PrepareRequest(request, Account());
        Create.BuildRequest(request, Account(), null, FullContact());
        Assert.Equal("https://acme.sample.test/api/v2/contacts?region=eu", request.BuildUri().ToString());
        Assert.Contains(request.Headers, h => h.Key == "X-Api-Key" && h.Value == "secret");
        Assert.Contains(request.Headers, h => h.Key == "X-Client" && h.Value == "crmgen");
        Assert.Contains(request.Headers, h => h.Key == "X-Trace" && h.Value == "create-Ada");
        Assert.True(Create.HasBody);
        Assert.Equal(HttpMethod.Post, Create.Method);
    }

    [Fact]
    public void Path_holes_are_escaped_and_the_base_address_can_be_overridden()
    {
        var get = Op<CrmNoInput, Contact>("contacts", "get");
        var request = new CrmRequestBuilder(get.Method, "sample");
        SampleProvider.PrepareRequest(request, Account(new Uri("http://127.0.0.1:5000/")));
        get.BuildRequest(request, Account(), "a/b?c", CrmNoInput.Instance);
        Assert.Equal("http://127.0.0.1:5000/contacts/a%2Fb%3Fc", request.BuildUri().AbsoluteUri);
        Assert.False(get.HasBody);
    }

    [Fact]
    public void Required_context_is_checked_before_anything_else()
    {
        var request = new CrmRequestBuilder(HttpMethod.Get, "sample");
        var error = Assert.Throws<CrmConfigurationException>(() => SampleProvider.PrepareRequest(request, Account(withSubdomain: false)));
        Assert.Contains("subdomain", error.Message);
    }

    [Fact]
    public void Provider_describes_itself()
    {
        var provider = SampleProvider;
        Assert.Equal(("sample", "Sample CRM"), (provider.Name, provider.DisplayName));
        Assert.Equal(new[] { "api_key" }, provider.CredentialNames);
        Assert.Equal(new[] { new CrmContextValue("subdomain", true), new CrmContextValue("region", false) }, provider.ContextValues);
        Assert.Equal(6, provider.Operations.Count);
        Assert.Null(provider.FindOperation("contacts", "merge"));
        Assert.Null(provider.FindOperation("deals", "list"));
        var create = provider.FindOperation("contacts", "create")!;
        Assert.Equal(new[] { "email_addresses", "first_name" }, create.RequiredFields);
        Assert.Contains("custom_fields", create.WrittenFields);
        Assert.Contains("remote_data", create.ReadFields.Append("remote_data"));
        Assert.DoesNotContain("remote_data", create.ReadFields);
        Assert.Equal(create.ReadFields.OrderBy(f => f, StringComparer.Ordinal), create.ReadFields);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)create.RequiredFields).Add("x"));
    }
}

/// <summary>The write path of the adapter emitted from the hand-built model.</summary>
public sealed class EmittedAdapterWritePathTests : WritePathTests
{
    private protected override AdapterAssembly Adapter => EmittedSample.Assembly;
}
