using System.Buffers;
using System.Reflection;
using System.Text.Json;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>
/// Catch-alls restricted to keys of a given form (<c>* matching "…"</c>), compiled from a map
/// and run: only matching keys that no other row reads are collected, the rest are skipped;
/// several catch-alls over one object fill their own dictionaries; a two-way row writes every
/// entry of the dictionary.
/// </summary>
public sealed class KeyPatternGenerationTests : IDisposable
{
    private const string Map = """
        provider keyed {
          display_name "Keyed"
          base_url     "https://api.keyed.test"
          auth         bearer(credentials.access_token)

          resource contacts {
            get GET "/contacts/{id}" {
              read {
                id            <- id
                name          <- name
                custom_fields <- * matching "^custom\\.cf_"
              }
            }
            update PATCH "/contacts/{id}" {
              map from data {
                first_name    <-> first
                custom_fields <-> fields.* matching "^[0-9a-f]{40}$"
              }
            }
          }

          resource widgets {
            get GET "/widgets/{id}" {
              read {
                id            <- id
                custom_fields <- * matching "^cf_"
                labels        <- * matching "^(label_|cf_shared)"
                rest          <- *
              }
            }
          }
        }
        """;

    private const string Sources = """
        namespace Keyed;

        using System.Collections.Generic;

        /// <summary>A provider with key patterns.</summary>
        [CrmGen.CrmProvider("keyed")]
        public sealed partial class KeyedProvider
        {
        }

        /// <summary>A record with three custom-field dictionaries.</summary>
        [CrmGen.UnifiedModel("widgets")]
        public sealed class Widget
        {
            /// <summary>The id.</summary>
            public string? Id { get; set; }

            /// <summary>Keys starting with cf_.</summary>
            public Dictionary<string, object?>? CustomFields { get; set; }

            /// <summary>Labels and the shared key.</summary>
            public Dictionary<string, object?>? Labels { get; set; }

            /// <summary>Every other key.</summary>
            public Dictionary<string, object?>? Rest { get; set; }
        }

        /// <summary>Reads a widget with the generated operation (the test cannot name the type).</summary>
        public static class WidgetReader
        {
            /// <summary>The three dictionaries' keys, sorted: "custom_fields|labels|rest", null dictionaries as "-".</summary>
            public static string Read(string json)
            {
                var operation = (CrmGen.CrmOperation<CrmGen.CrmNoInput, Widget>)KeyedProvider.Instance.FindOperation("widgets", "get")!;
                var widget = operation.ReadResponse(System.Text.Encoding.UTF8.GetBytes(json), CrmGen.CrmReadOptions.Default);
                return Keys(widget.CustomFields) + "|" + Keys(widget.Labels) + "|" + Keys(widget.Rest);
            }

            private static string Keys(Dictionary<string, object?>? fields)
            {
                if (fields is null) return "-";
                var keys = new List<string>(fields.Keys);
                keys.Sort(System.StringComparer.Ordinal);
                return string.Join(",", keys);
            }
        }
        """;

    private const string Hash = "0123456789abcdef0123456789abcdef01234567";

    private readonly AdapterAssembly _adapter;
    private readonly string _generated;

    public KeyPatternGenerationTests()
    {
        var inputs = new GeneratorHarness.Inputs([("KeyedProvider.cs", Sources)], [("keyed.crmmap", Map)]);
        var (_, output, result) = GeneratorHarness.Run(inputs);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        _generated = string.Concat(GeneratorHarness.GeneratedFiles(result).Select(f => f.Text));
        _adapter = AdapterAssembly.Load(output);
    }

    public void Dispose() => _adapter.Dispose();

    private CrmOperation<TInput, TOutput> Op<TInput, TOutput>(string resource, string operation)
        where TInput : class
        where TOutput : class
        => _adapter.Operation<TInput, TOutput>("Keyed.KeyedProvider", resource, operation);

    private static Contact Read<TInput>(CrmOperation<TInput, Contact> operation, string json)
        where TInput : class
        => operation.ReadResponse(System.Text.Encoding.UTF8.GetBytes(json), CrmReadOptions.Default);

    [Fact]
    public void Only_keys_the_pattern_matches_are_collected_with_their_json_types()
    {
        var contact = Read(Op<CrmNoInput, Contact>("contacts", "get"), """
            {
              "id": "cont_1",
              "name": "Ada",
              "organization_id": "orga_1",
              "created_by": "user_1",
              "custom.cf_size": 38,
              "custom": { "cf_nested": true },
              "custom.cf_list": [1, { "a": null }],
              "xcustom.cf_no": "prefix elsewhere",
              "custom.cf_none": null,
              "Custom.cf_case": "case matters",
              "integration_links": [ { "name": "x", "url": "https://x.test" } ]
            }
            """);
        Assert.Equal("cont_1", contact.Id);
        Assert.Equal("Ada", contact.Name);
        var fields = contact.CustomFields!;
        Assert.Equal(["custom.cf_list", "custom.cf_none", "custom.cf_size"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(38L, fields["custom.cf_size"]);
        Assert.Null(fields["custom.cf_none"]);
        Assert.Equal(2, Assert.IsType<JsonElement>(fields["custom.cf_list"]).GetArrayLength());
    }

    [Fact]
    public void Escaped_and_long_names_are_matched_as_their_unescaped_text()
    {
        // "^custom\\.cf_" is compared as bytes; an escaped name goes to the regex, unescaped.
        var longName = "custom.cf_" + new string('a', 300);
        var contact = Read(Op<CrmNoInput, Contact>("contacts", "get"), $$"""
            {
              "id": "1",
              "\u0063ustom.cf_escaped": 1,
              "custom\u002ecf_dot": 2,
              "custom\u002Xcf_not": 3,
              "x\u0063ustom.cf_no": 4,
              "{{longName.Replace("custom.", "custom\\u002e", StringComparison.Ordinal)}}": 5
            }
            """.Replace("\\u002X", "\\u002f", StringComparison.Ordinal));
        var fields = contact.CustomFields!;
        Assert.Equal([longName, "custom.cf_dot", "custom.cf_escaped"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5L, fields[longName]);

        // "^[0-9a-f]{40}$" runs the regex over the name, escaped or not, short or long.
        var update = Op<Contact, Contact>("contacts", "update");
        var read = Read(update, $$"""
            { "data": { "first": "Ada", "fields": {
              "{{Hash}}": 1,
              "\u0031{{Hash[1..]}}": 2,
              "{{Hash}}x": 3,
              "{{new string('0', 300)}}": 4
            } } }
            """);
        Assert.Equal("Ada", read.FirstName);
        Assert.Equal(new Dictionary<string, object?> { [Hash] = 1L, ["1" + Hash[1..]] = 2L }, read.CustomFields);
    }

    [Theory]
    [InlineData("^custom\\.cf_", true, "custom.cf_", true, false)]
    [InlineData("__c$", true, "__c", false, true)]
    [InlineData("cf_", true, "cf_", false, false)]
    [InlineData("^exact$", true, "exact", true, true)]
    [InlineData("a\\$", true, "a$", false, false)]
    [InlineData("a\\\\$", true, "a\\", false, true)]
    [InlineData("^\\d+", false, "", true, false)]
    [InlineData("(?i)^cf_", false, "", false, false)]
    [InlineData("^cf_.*", false, "", true, false)]
    [InlineData("^[0-9a-f]{40}$", false, "", true, true)]
    [InlineData("^", false, "", true, false)]
    public void Literal_patterns_are_recognised_for_byte_comparison(string pattern, bool isLiteral, string literal, bool start, bool end)
    {
        Assert.Equal(isLiteral, CrmGen.Generator.Emit.KeyPatternFields.TryLiteral(pattern, out var text, out var anchoredStart, out var anchoredEnd));
        if (!isLiteral) return;
        Assert.Equal((literal, start, end), (text, anchoredStart, anchoredEnd));
        // What the byte test decides is what the regex decides.
        var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        foreach (var name in new[] { literal, "x" + literal, literal + "x", "x" + literal + "x", "", "other" })
        {
            var bytes = start && end ? name == literal : start ? name.StartsWith(literal, StringComparison.Ordinal) : end ? name.EndsWith(literal, StringComparison.Ordinal) : name.Contains(literal, StringComparison.Ordinal);
            Assert.True(regex.IsMatch(name) == bytes, $"{pattern} on '{name}'");
        }
    }

    [Fact]
    public void A_record_without_matching_keys_has_no_custom_fields()
    {
        var contact = Read(Op<CrmNoInput, Contact>("contacts", "get"), """{ "id": "1", "organization_id": "orga_1", "custom": {}, "date_created": "2024-01-01" }""");
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public void A_nested_catch_all_filters_the_keys_of_its_object()
    {
        var contact = Read(Op<Contact, Contact>("contacts", "update"), $$"""
            { "data": { "first": "Ada", "fields": { "{{Hash}}": "kept", "{{Hash.ToUpperInvariant()}}": "upper case", "{{Hash}}0": "41 characters", "label": 1 } } }
            """);
        Assert.Equal("Ada", contact.FirstName);
        var field = Assert.Single(contact.CustomFields!);
        Assert.Equal((Hash, (object?)"kept"), (field.Key, field.Value));
    }

    [Fact]
    public void A_two_way_row_writes_every_entry_matching_or_not()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Op<Contact, Contact>("contacts", "update").WriteBody(writer, new IntegratedAccount("keyed", CrmCredentials.AccessToken("t")), new Contact
            {
                FirstName = "Ada",
                CustomFields = new Dictionary<string, object?> { [Hash] = "v", ["not_a_hash"] = 2L },
            });
        }
        using var body = JsonDocument.Parse(buffer.WrittenMemory);
        // 'from data' names the record in the response; the request body is the record itself.
        Assert.Equal("Ada", body.RootElement.GetProperty("first").GetString());
        var fields = body.RootElement.GetProperty("fields");
        Assert.Equal(2, fields.EnumerateObject().Count());
        Assert.Equal("v", fields.GetProperty(Hash).GetString());
        Assert.Equal(2, fields.GetProperty("not_a_hash").GetInt32());
    }

    [Theory]
    [InlineData("""{ "id": "w1", "cf_a": 1, "label_x": 2, "cf_shared": 3, "other": 4 }""", "cf_a,cf_shared|cf_shared,label_x|cf_a,cf_shared,label_x,other")]
    [InlineData("""{ "id": "w1", "other": 4 }""", "-|-|other")]
    [InlineData("""{ "id": "w1" }""", "-|-|-")]
    [InlineData("""{ "label_only": { "deep": [1, 2] }, "id": "w1" }""", "-|label_only|label_only")]
    public void Several_catch_alls_of_one_object_fill_their_own_dictionaries(string json, string expected)
    {
        var reader = _adapter.Assembly.GetType("Keyed.WidgetReader", throwOnError: true)!;
        var keys = (string)reader.GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [json])!;
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Each_distinct_pattern_is_one_static_non_backtracking_regex_per_operation_class()
    {
        const string Options = "global::System.Text.RegularExpressions.RegexOptions.CultureInvariant | global::System.Text.RegularExpressions.RegexOptions.NonBacktracking";
        Assert.Equal(1, Count(_generated, "s_keyPattern0 = new global::System.Text.RegularExpressions.Regex(\"^custom\\\\.cf_\", " + Options + ");"));
        Assert.Equal(1, Count(_generated, "s_keyPattern0 = new global::System.Text.RegularExpressions.Regex(\"^[0-9a-f]{40}$\", " + Options + ");"));
        Assert.Equal(1, Count(_generated, "s_keyPattern1 = new global::System.Text.RegularExpressions.Regex(\"^(label_|cf_shared)\", " + Options + ");"));
        Assert.Equal(0, Count(_generated, "s_keyPattern2"));
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
