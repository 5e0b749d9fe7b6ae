using CrmGen.Generator.Emit;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>
/// Objects with many member names find a member by the name's byte length and then its bytes;
/// escaped names are unescaped before they are compared. Compiled from a map and run: names of
/// equal length, escaped names, unmapped names of a mapped length and the catch-all behind the
/// dispatch all read as they would with a plain name-by-name test.
/// </summary>
public sealed class NameDispatchGenerationTests : IDisposable
{
    // The record's object has six names (four of length 4, and "org"), enough for the length dispatch;
    // "org" has two and keeps the name-by-name test.
    private const string Map = """
        provider dispatch {
          display_name "Dispatch"
          base_url     "https://api.dispatch.test"
          auth         none

          resource contacts {
            get GET "/contacts/{id}" {
              read {
                id            <- id
                first_name    <- frst
                last_name     <- last
                name          <- name
                title         <- role
                job_title     <- org.job
                description   <- org.about
                custom_fields <- *
              }
            }
          }
        }
        """;

    private const string Sources = """
        namespace Dispatch;

        /// <summary>A provider whose record object has many names.</summary>
        [CrmGen.CrmProvider("dispatch")]
        public sealed partial class DispatchProvider
        {
        }
        """;

    private readonly AdapterAssembly _adapter;
    private readonly string _generated;

    public NameDispatchGenerationTests()
    {
        var inputs = new GeneratorHarness.Inputs([("DispatchProvider.cs", Sources)], [("dispatch.crmmap", Map)]);
        var (_, output, result) = GeneratorHarness.Run(inputs);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        _generated = string.Concat(GeneratorHarness.GeneratedFiles(result).Select(f => f.Text));
        _adapter = AdapterAssembly.Load(output);
    }

    public void Dispose() => _adapter.Dispose();

    private Contact Read(string json)
    {
        var operation = _adapter.Operation<CrmNoInput, Contact>("Dispatch.DispatchProvider", "contacts", "get");
        return operation.ReadResponse(System.Text.Encoding.UTF8.GetBytes(json), CrmReadOptions.Default);
    }

    [Fact]
    public void The_record_object_dispatches_on_length_and_the_small_object_tests_names_in_turn()
    {
        Assert.True(ReadCodeEmitter.LengthDispatchThreshold <= 6);
        // Names of one length are compared in mapping order, lengths in increasing order.
        var start = _generated.IndexOf("SequenceEqual(name", StringComparison.Ordinal);
        Assert.True(start >= 0, "no length dispatch in the generated code");
        var order = new[] { "\"id\"u8)", "\"org\"u8)", "\"frst\"u8)", "\"last\"u8)", "\"name\"u8)", "\"role\"u8)" }
            .Select(n => _generated.IndexOf(n, start, StringComparison.Ordinal))
            .ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Equal(1, CountOf(_generated, "case 2:\n"));
        Assert.Equal(1, CountOf(_generated, "case 4:\n"));
        Assert.Equal(6, CountOf(_generated, "SequenceEqual("));
        // The nested object has two names: tested one by one, escaped or not.
        Assert.Contains("if (reader.ValueTextEquals(\"job\"u8))", _generated);
        Assert.Contains("else if (reader.ValueTextEquals(\"about\"u8))", _generated);
    }

    [Fact]
    public void Names_of_equal_length_each_reach_their_own_row()
    {
        var contact = Read("""{ "role": "CTO", "name": "Ada Lovelace", "last": "Lovelace", "frst": "Ada", "id": "c1", "org": { "job": "Engineer", "about": "Analyst" } }""");
        Assert.Equal(
            ("c1", "Ada", "Lovelace", "Ada Lovelace", "CTO", "Engineer", "Analyst"),
            (contact.Id, contact.FirstName, contact.LastName, contact.Name, contact.Title, contact.JobTitle, contact.Description));
        Assert.Null(contact.CustomFields);
    }

    [Fact]
    public void Unmapped_names_of_a_mapped_length_go_to_the_catch_all()
    {
        var contact = Read("""{ "id": "c1", "ix": 1, "nam3": 2, "First": 3, "frs": 4, "frstx": 5, "": 6, "last": "L", "Last": 7 }""");
        Assert.Equal(("c1", "L"), (contact.Id, contact.LastName));
        var fields = contact.CustomFields!;
        Assert.Equal(["", "First", "Last", "frs", "frstx", "ix", "nam3"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2L, fields["nam3"]);
        Assert.Equal(6L, fields[""]);
    }

    [Fact]
    public void Escaped_names_read_like_their_unescaped_form()
    {
        var escaped = Read("""{ "\u0069d": "c1", "fr\u0073t": "Ada", "\u006c\u0061\u0073\u0074": "Lovelace", "n\/me": "kept", "name\u0000": 9, "r\u006Fle": "CTO", "\u006Frg": { "j\u006fb": "Engineer", "about": "Analyst" } }""");
        Assert.Equal(
            ("c1", "Ada", "Lovelace", (string?)null, "CTO", "Engineer", "Analyst"),
            (escaped.Id, escaped.FirstName, escaped.LastName, escaped.Name, escaped.Title, escaped.JobTitle, escaped.Description));
        // Escaped names no row reads are collected under their unescaped form.
        Assert.Equal(["n/me", "name\0"], escaped.CustomFields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("kept", escaped.CustomFields["n/me"]);
    }

    [Fact]
    public void An_escaped_name_is_found_whatever_the_length_of_its_raw_form()
    {
        // "\u0069d" is seven bytes raw (the length of no name) and "id" unescaped; "na\u006de"
        // is nine bytes raw and "name" unescaped.
        var contact = Read("""{ "na\u006de": "Ada Lovelace", "\u0069d": "c1", "role": "CTO" }""");
        Assert.Equal(("c1", "Ada Lovelace", "CTO"), (contact.Id, contact.Name, contact.Title));
        Assert.Null(contact.CustomFields);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
