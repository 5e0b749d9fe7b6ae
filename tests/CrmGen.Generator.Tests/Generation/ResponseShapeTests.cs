using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>
/// Response shapes beyond a JSON object: error bodies that are arrays (read with a path from
/// the record itself, <c>$[0].message</c>) and successes without a body (204 No Content).
/// </summary>
public sealed class ResponseShapeTests : IDisposable
{
    private const string Map = """
        provider arrays {
          display_name "Arrays"
          base_url     "https://api.arrays.test"
          auth         bearer(credentials.access_token)
          errors       { message <- $[0].message, code <- $[0].errorCode }

          resource contacts {
            create POST "/contacts" {
              write { name <- first_name }
              read  { id <- id }
            }
            action touch PATCH "/contacts/{id}" {
              path  { id <- id }
              write { touched <- true }
            }
          }
        }
        """;

    private const string ProviderClass = """
        namespace Shapes;

        /// <summary>A provider whose error bodies are arrays.</summary>
        [CrmGen.CrmProvider("arrays")]
        public sealed partial class ArraysProvider
        {
        }
        """;

    private readonly AdapterAssembly _adapter;

    public ResponseShapeTests()
    {
        var inputs = new GeneratorHarness.Inputs([("ArraysProvider.cs", ProviderClass)], [("arrays.crmmap", Map)]);
        var (_, output, result) = GeneratorHarness.Run(inputs);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        _adapter = AdapterAssembly.Load(output);
    }

    public void Dispose() => _adapter.Dispose();

    [Fact]
    public void An_error_body_that_is_an_array_reads_from_its_first_element()
    {
        var provider = _adapter.Provider("Shapes.ArraysProvider");

        var error = provider.ReadError("""[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]"""u8);

        Assert.Equal("Required fields are missing: [LastName]", error.Message);
        Assert.Equal("REQUIRED_FIELD_MISSING", error.Code);
        Assert.Equal(default, provider.ReadError("""{"message":"not an array"}"""u8));
    }

    [Fact]
    public void A_success_without_a_body_is_an_empty_record_only_when_nothing_is_read()
    {
        var touch = _adapter.Operation<Contact, Contact>("Shapes.ArraysProvider", "contacts", "touch");
        var create = _adapter.Operation<Contact, Contact>("Shapes.ArraysProvider", "contacts", "create");

        var touched = touch.ReadResponse(ReadOnlySpan<byte>.Empty, CrmReadOptions.Default);
        Assert.Null(touched.Id);
        Assert.Null(touched.RemoteData);

        // With a read mapping an empty body is still an error: no partial record.
        Assert.Throws<CrmMappingException>(() => create.ReadResponse(ReadOnlySpan<byte>.Empty, CrmReadOptions.Default));
    }
}
