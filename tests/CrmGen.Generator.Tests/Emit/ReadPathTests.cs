using System.Text;
using System.Text.Json;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>The generated one-pass read path, run on representative provider JSON.</summary>
public abstract class ReadPathTests
{
    /// <summary>The compiled sample adapter under test.</summary>
    private protected abstract AdapterAssembly Adapter { get; }

    private ICrmProvider SampleProvider => Adapter.Provider(SampleModel.ProviderClass);

    private CrmOperation<TInput, TOutput> Op<TInput, TOutput>(string resource, string operation)
        where TInput : class
        where TOutput : class
        => Adapter.Operation<TInput, TOutput>(SampleModel.ProviderClass, resource, operation);

    internal const string ContactJson = """
        {
          "meta": { "request": [1, 2, { "x": null }] },
          "data": {
            "id": 42,
            "name": { "first": "Ada", "last": "Lovelace", "middle": "B" },
            "is_vip": true,
            "job": { "title": "  Countess  ", "level": 3 },
            "score": "12.50", "amount": 1999, "visits": "7", "active": "true",
            "emails": [ { "address": "ada@example.com", "kind": null }, null, { "address": "a@b.c", "kind": "home" } ],
            "phones": [ { "number": "+1 (555) 010", "kind": "cell" }, { "number": "020 7946", "kind": "office" } ],
            "address": { "lines": [ "12 St James's Sq", "Floor 2", "ignored" ], "city": "London", "country": "gb" },
            "labels": [ "math", "poetry" ],
            "website": "https://ada.example",
            "company": { "id": 7, "name": "Analytical Engines" },
            "owner_id": "u1",
            "custom": { "shoe_size": 38, "ratio": 0.25, "vip": true, "nick": "Enchant\u0072ess", "nothing": null, "nested": { "a": [1, 2] }, "list": [1] },
            "versions": [ "v1", "v2" ],
            "activity": { "last": null, "previous": 1700000000000 },
            "created": "2024-01-02T03:04:05Z",
            "updated": 1700000000,
            "extra": { "deep": [ 1, { "x": 2 } ] }
          }
        }
        """;

    private CrmOperation<Contact, Contact> Create => Op<Contact, Contact>("contacts", "create");

    private Contact ReadContact(string json, CrmReadOptions? options = null)
        => Create.ReadResponse(Encoding.UTF8.GetBytes(json), options ?? CrmReadOptions.Default);

    [Fact]
    public void Reads_paths_literals_coalesce_and_interpolation()
    {
        var contact = ReadContact(ContactJson);
        Assert.Equal("42", contact.Id);
        Assert.Equal("Ada", contact.FirstName);
        Assert.Equal("Lovelace", contact.LastName);
        Assert.Equal("Ada Lovelace", contact.Name);
    }

    [Fact]
    public void Reads_conditions_builtins_and_conversions()
    {
        var contact = ReadContact(ContactJson);
        Assert.Equal("  COUNTESS  ", contact.Title);
        Assert.Equal("Countess", contact.JobTitle);
        Assert.Equal("score 12.50, 19.99 due, 7 visits, active true", contact.Description);
        Assert.Equal("v1-v2", contact.Etag);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), contact.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), contact.UpdatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), contact.LastActivityAt);
    }

    [Fact]
    public void Else_branch_and_coalesce_fallbacks()
    {
        var contact = ReadContact("""{ "data": { "name": { "first": "X" }, "is_vip": false, "job": { "title": "Boss" }, "bio": "Hi", "updated_date": "2024-02-29", "owner_id": "", "owner_email": "o@x" } }""");
        Assert.Equal("(none)", contact.LastName);
        Assert.Equal("X ", contact.Name);
        Assert.Equal("boss", contact.Title);
        Assert.Equal("Hi", contact.Description);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), contact.UpdatedAt);
        Assert.Equal("", contact.Owner!.Id);
        Assert.Null(contact.EmailAddresses);
        Assert.Empty(contact.Urls!);
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public void Projections_arrays_hooks_and_enum_tables()
    {
        var contact = ReadContact(ContactJson);
        Assert.Collection(contact.EmailAddresses!,
            e => { Assert.Equal("ada@example.com", e.Email); Assert.Equal("work", e.Type); },
            e => { Assert.Equal("a@b.c", e.Email); Assert.Equal("home", e.Type); });
        Assert.Collection(contact.PhoneNumbers!,
            p => { Assert.Equal("+1555010", p.Number); Assert.Equal("mobile", p.Type); },
            p => { Assert.Equal("0207946", p.Number); Assert.Equal("work", p.Type); });
        Assert.Equal("+1 (555) 010", contact.PhoneNumber);
        Assert.Equal("020 7946", contact.PhoneNumbesr);
        var address = Assert.Single(contact.Addresses!);
        Assert.Equal(("12 St James's Sq", "Floor 2", "London", "GB"), (address.Street1, address.Street2, address.City, address.Country));
        Assert.Equal(new[] { "math", "poetry" }, contact.Tags!.Select(t => t.Name));
        var url = Assert.Single(contact.Urls!);
        Assert.Equal(("https://ada.example", "website"), (url.Url, url.Type));
        Assert.Equal(("7", "Analytical Engines"), (contact.Account!.Id, contact.Account.Name));
        Assert.Equal("u1", contact.Owner!.Id);
    }

    [Fact]
    public void Catch_all_collects_custom_fields_with_their_json_types()
    {
        var fields = ReadContact(ContactJson).CustomFields!;
        Assert.Equal(38L, fields["shoe_size"]);
        Assert.Equal(0.25m, fields["ratio"]);
        Assert.Equal(true, fields["vip"]);
        Assert.Equal("Enchantress", fields["nick"]);
        Assert.True(fields.ContainsKey("nothing"));
        Assert.Null(fields["nothing"]);
        var nested = Assert.IsType<JsonElement>(fields["nested"]);
        Assert.Equal(2, nested.GetProperty("a").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, Assert.IsType<JsonElement>(fields["list"]).ValueKind);
        Assert.Equal(7, fields.Count);
    }

    [Fact]
    public void Remote_data_is_the_record_verbatim_unless_ignored()
    {
        var contact = ReadContact(ContactJson);
        using var expected = JsonDocument.Parse(ContactJson);
        var raw = contact.RemoteData!.ToString();
        Assert.StartsWith("{", raw);
        Assert.EndsWith("}", raw);
        Assert.Equal(expected.RootElement.GetProperty("data").GetRawText(), raw);

        var ignored = ReadContact(ContactJson, new CrmReadOptions { IgnoreRemoteData = true });
        Assert.Null(ignored.RemoteData);
        Assert.Equal("Ada", ignored.FirstName);
    }

    [Fact]
    public void List_reads_every_record_and_skips_null_elements()
    {
        var list = Op<CrmPageRequest, CrmPage<Contact>>("contacts", "list");
        const string json = """{ "items": [ { "id": "1", "name": { "first": "A" }, "other": 5 }, null, { "id": 2 } ], "next": "c2" }""";
        var records = list.ReadResponse(Encoding.UTF8.GetBytes(json), CrmReadOptions.Default).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(("1", "A"), (records[0].Id, records[0].FirstName));
        Assert.Equal(5L, Assert.Single(records[0].CustomFields!).Value);
        Assert.Equal("other", records[0].CustomFields!.Keys.Single());
        Assert.Equal("2", records[1].Id);
        Assert.Null(records[1].CustomFields);
        Assert.Equal("""{ "id": 2 }""", records[1].RemoteData!.ToString());

        Assert.Empty(list.ReadResponse("""{ "next": null }"""u8, CrmReadOptions.Default).Records);
        Assert.Empty(list.ReadResponse("""{ "items": null }"""u8, CrmReadOptions.Default).Records);
    }

    [Fact]
    public void Nested_record_path_projection_and_enum_else()
    {
        var list = Op<CrmPageRequest, CrmPage<Pipeline>>("pipelines", "list");
        const string json = """
            { "data": { "pipelines": [ {
                "id": "p1", "label": "Sales",
                "stages": [ { "id": "s1", "name": "New", "state": "active", "pipeline_id": "p1" },
                            { "id": "s2", "name": "Won", "state": "won" },
                            { "id": "s3", "state": "weird", "pipeline_id": null } ],
                "created": 1700000000, "updated": "2024-05-06T07:08:09+02:00" } ] } }
            """;
        var pipeline = Assert.Single(list.ReadResponse(Encoding.UTF8.GetBytes(json), CrmReadOptions.Default).Records);
        Assert.Equal(("p1", "Sales", "opportunity"), (pipeline.Id, pipeline.Name, pipeline.Entity));
        Assert.Equal(new[] { "open", "won", "open" }, pipeline.Stages!.Select(s => s.Status));
        Assert.Equal("p1", pipeline.Stages![0].Pipeline!.Id);
        Assert.Null(pipeline.Stages[1].Pipeline);
        Assert.Null(pipeline.Stages[2].Pipeline);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), pipeline.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), pipeline.UpdatedAt);
    }

    [Theory]
    [InlineData("""{ "data": { "created": { "x": 1 } } }""", "$.data.created", "ISO-8601")]
    [InlineData("""{ "data": { "created": "yesterday" } }""", "$.data.created", "ISO-8601")]
    [InlineData("""{ "data": { "name": "Ada" } }""", "$.data.name", "an object")]
    [InlineData("""{ "data": { "phones": [ { "number": "1" }, { "number": { "a": 1 } } ] } }""", "$.data.phones[1].number", "a string")]
    [InlineData("""{ "data": { "is_vip": "yes" } }""", "$.data.is_vip", "true or false")]
    [InlineData("""{ "data": { "emails": { "address": "x" } } }""", "$.data.emails", "an array")]
    [InlineData("""{ "data": [] }""", "$.data", "an object")]
    public void Wrong_token_type_is_a_mapping_error_with_the_json_path(string json, string path, string expected)
    {
        var error = Assert.Throws<CrmMappingException>(() => ReadContact(json));
        Assert.Equal(path, error.JsonPath);
        Assert.Equal("sample", error.Provider);
        Assert.Equal("contacts", error.Resource);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{ "data": { "id": 1, "name": { "first": "A", } } }""", "$.data.name.first")]
    [InlineData("""{ "data": { "id": 1, "labels": [ "a", tru ] } }""", "$.data.labels[1]")]
    [InlineData("""{ "data": { "id": 1 """, "$.data.id")]
    [InlineData("", "$")]
    [InlineData("""{ "data": { "id": 1 } } trailing""", "$")]
    public void Malformed_json_is_a_mapping_error_with_the_json_path(string json, string path)
    {
        var error = Assert.Throws<CrmMappingException>(() => ReadContact(json));
        Assert.Equal(path, error.JsonPath);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void Missing_record_is_a_mapping_error()
    {
        var error = Assert.Throws<CrmMappingException>(() => ReadContact("""{ "meta": {} }"""));
        Assert.Equal("$.data", error.JsonPath);
        Assert.Throws<CrmMappingException>(() => ReadContact("""{ "data": null }"""));
    }

    [Fact]
    public void Skipped_content_and_ignored_remote_data_allocate_nothing()
    {
        var list = Op<CrmPageRequest, CrmPage<Pipeline>>("pipelines", "list");
        var small = Encoding.UTF8.GetBytes("""{ "data": { "pipelines": [ { "id": "1", "stages": [ { "id": "s" } ] } ] } }""");
        var unmapped = string.Join(",", Enumerable.Range(0, 2000).Select(i => "{\"n\":" + i + ",\"s\":\"text " + i + "\",\"o\":{\"deep\":[true,null,1.5]}}"));
        var large = Encoding.UTF8.GetBytes($$"""{ "paging": [{{unmapped}}], "data": { "more": [{{unmapped}}], "pipelines": [ { "id": "1", "skip": [{{unmapped}}], "stages": [ { "id": "s", "x": [{{unmapped}}] } ] } ] } }""");
        var ignore = new CrmReadOptions { IgnoreRemoteData = true };

        // The least of several runs: the JIT's own work (tiering, on-stack replacement) may
        // allocate on this thread during any single run, never in all of them.
        long Allocated(byte[] json, CrmReadOptions options)
        {
            var least = long.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                list.ReadResponse(json, options);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            return least;
        }

        var baseline = Allocated(small, ignore);
        Assert.Equal(baseline, Allocated(large, ignore));
        Assert.True(Allocated(small, CrmReadOptions.Default) > baseline);
    }

    [Fact]
    public void Delete_reads_nothing()
    {
        var delete = Op<CrmNoInput, CrmNoInput>("contacts", "delete");
        Assert.Same(CrmNoInput.Instance, delete.ReadResponse(ReadOnlySpan<byte>.Empty, CrmReadOptions.Default));
    }

    [Theory]
    [InlineData("""{ "error": { "message": "Bad", "code": "E1" } }""", "Bad", "E1")]
    [InlineData("""{ "detail": "Nope", "error": null }""", "Nope", null)]
    [InlineData("""{ "error": "not an object", "detail": 5 }""", "5", null)]
    [InlineData("""{ "error": { "message": { "deep": true } }, "detail": "fallback" }""", "fallback", null)]
    [InlineData("<html>502</html>", null, null)]
    [InlineData("", null, null)]
    [InlineData("[1, 2]", null, null)]
    public void ReadError_reads_the_errors_mapping_and_never_throws(string body, string? message, string? code)
    {
        var error = SampleProvider.ReadError(Encoding.UTF8.GetBytes(body));
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }
}

/// <summary>The read path of the adapter emitted from the hand-built model.</summary>
public sealed class EmittedAdapterReadPathTests : ReadPathTests
{
    private protected override AdapterAssembly Adapter => EmittedSample.Assembly;
}
