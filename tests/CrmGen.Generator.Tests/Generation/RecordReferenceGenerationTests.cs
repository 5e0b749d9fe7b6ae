using System.Buffers;
using System.Text;
using System.Text.Json;
using CrmGen.Generator.Tests.Infrastructure;

namespace CrmGen.Generator.Tests.Generation;

/// <summary>
/// <c>$$</c> compiled and run: elements of a projection read values of the record around them,
/// whether the record's values come before or after the array in the JSON, through a nested
/// <c>each</c> too; projections that do not use <c>$$</c> stay inline; a record catch-all
/// leaves out keys read through <c>$$</c>; a write projection reads the unified input.
/// </summary>
public sealed class RecordReferenceGenerationTests : IDisposable
{
    private const string Map = """
        provider parent {
          display_name "Parent"
          base_url     "https://api.parent.test"
          auth         none

          resource pipelines {
            get GET "/pipelines/{id}" {
              read from pipeline {
                id     <- id
                name   <- name
                stages <- stages each {
                  id       <- id
                  name     <- join(tags each "{$}@{$$.id}", ",") ?? "{label} ({$$.name})"
                  status   <- if exists($$.closed_at) then "closed" else status
                  pipeline <- { id <- $$.id }
                }
                created_at <- created as datetime
              }
            }
            create POST "/pipelines" {
              write {
                name   <- name
                stages <- stages each { label <- name, pipeline <- $$.name, pipeline_id <- $$.id }
              }
              read { id <- id }
            }
          }

          resource contacts {
            get GET "/contacts/{id}" {
              read {
                id              <- id
                email_addresses <- emails each { email <- address, type <- $$.default_type ?? join($$.kinds each "{$}-{$$.id}", "/") }
                tags            <- labels each { name <- $ }
                custom_fields   <- *
              }
            }
          }
        }
        """;

    private const string Sources = """
        namespace Parent;

        /// <summary>A provider whose projections read their record.</summary>
        [CrmGen.CrmProvider("parent")]
        public sealed partial class ParentProvider
        {
        }
        """;

    private readonly AdapterAssembly _adapter;
    private readonly string _generated;

    public RecordReferenceGenerationTests()
    {
        var inputs = new GeneratorHarness.Inputs([("ParentProvider.cs", Sources)], [("parent.crmmap", Map)]);
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
        => _adapter.Operation<TInput, TOutput>("Parent.ParentProvider", resource, operation);

    private Pipeline ReadPipeline(string json, CrmReadOptions? options = null)
        => Op<CrmNoInput, Pipeline>("pipelines", "get").ReadResponse(Encoding.UTF8.GetBytes(json), options ?? CrmReadOptions.Default);

    private static void AssertStages(Pipeline pipeline)
    {
        Assert.Equal("p1", pipeline.Id);
        Assert.Equal(
            [("s1", "a@p1,b@p1", "open", "p1"), ("s2", "Second (Sales)", "won", "p1")],
            pipeline.Stages!.Select(s => (s.Id, s.Name, s.Status, s.Pipeline!.Id)));
    }

    private const string Stages = """
        "stages": [
          { "id": "s1", "label": "First", "status": "open", "tags": ["a", "b"], "pipeline": "ignored" },
          null,
          { "id": "s2", "label": "Second", "status": "won" }
        ]
        """;

    [Fact]
    public void Record_values_before_the_array_reach_every_element()
    {
        var pipeline = ReadPipeline("""{ "pipeline": { "id": "p1", "name": "Sales", """ + Stages + """, "created": "2024-05-06T07:08:09Z" } }""");
        AssertStages(pipeline);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), pipeline.CreatedAt);
    }

    [Fact]
    public void Record_values_after_the_array_reach_every_element_and_the_rest_of_the_record_still_reads()
    {
        var pipeline = ReadPipeline("""{ "pipeline": { """ + Stages + """, "created": "2024-05-06T07:08:09Z", "name": "Sales", "id": "p1" }, "after": [1, {"x": 2}] }""");
        AssertStages(pipeline);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), pipeline.CreatedAt);
        using var remote = pipeline.RemoteData!.Parse();
        Assert.Equal("p1", remote.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Exists_of_a_record_value_is_seen_from_the_elements_wherever_it_stands()
    {
        var before = ReadPipeline("""{ "pipeline": { "closed_at": "2024-01-01", "id": "p1", "stages": [ { "id": "s1", "status": "open" } ] } }""");
        var after = ReadPipeline("""{ "pipeline": { "id": "p1", "stages": [ { "id": "s1", "status": "open" } ], "closed_at": "2024-01-01" } }""");
        var none = ReadPipeline("""{ "pipeline": { "id": "p1", "stages": [ { "id": "s1", "status": "open" } ], "closed_at": null } }""");
        Assert.Equal("closed", Assert.Single(before.Stages!).Status);
        Assert.Equal("closed", Assert.Single(after.Stages!).Status);
        Assert.Equal("open", Assert.Single(none.Stages!).Status);
    }

    [Fact]
    public void A_record_without_the_values_gives_elements_null_and_a_null_array_no_list()
    {
        var pipeline = ReadPipeline("""{ "pipeline": { "stages": [ { "id": "s1", "label": "L" } ] } }""");
        var stage = Assert.Single(pipeline.Stages!);
        Assert.Equal(("s1", "L ()"), (stage.Id, stage.Name));
        Assert.Null(stage.Pipeline!.Id);
        Assert.Null(ReadPipeline("""{ "pipeline": { "id": "p1", "stages": null } }""").Stages);
        Assert.Null(ReadPipeline("""{ "pipeline": { "id": "p1" } }""").Stages);
    }

    [Fact]
    public void A_deferred_array_of_the_wrong_shape_is_a_mapping_error_at_the_array()
    {
        var error = Assert.Throws<CrmMappingException>(() => ReadPipeline("""{ "pipeline": { "stages": { "id": "s1" }, "id": "p1" } }"""));
        Assert.Equal("$.pipeline.stages", error.JsonPath);
        Assert.Contains("an array", error.Message);
        var element = Assert.Throws<CrmMappingException>(() => ReadPipeline("""{ "pipeline": { "stages": [ { "id": "s1" }, { "id": { "x": 1 } } ], "id": "p1" } }"""));
        Assert.Equal("$.pipeline.stages[1].id", element.JsonPath);
    }

    [Fact]
    public void Only_projections_that_read_the_record_are_deferred()
    {
        // pipelines.get's stages and contacts.get's emails and kinds save a reader; contacts.get's labels stay inline.
        Assert.Equal(3, CountOf(_generated, "default(global::System.Text.Json.Utf8JsonReader)"));
        var contact = Op<CrmNoInput, Contact>("contacts", "get").ReadResponse(Encoding.UTF8.GetBytes("""
            { "emails": [ { "address": "a@x.test" }, { "address": "b@x.test" } ], "labels": ["vip"], "nick": "E", "default_type": "work", "id": "c1" }
            """), CrmReadOptions.Default);
        Assert.Equal("c1", contact.Id);
        Assert.Equal([("a@x.test", "work"), ("b@x.test", "work")], contact.EmailAddresses!.Select(e => (e.Email, e.Type)));
        Assert.Equal(["vip"], contact.Tags!.Select(t => t.Name));
        // The record catch-all leaves out what the rows read, '$$.default_type' included.
        Assert.Equal(["nick"], contact.CustomFields!.Keys);
    }

    [Theory]
    [InlineData("""{ "emails": [ { "address": "a@x.test" } ], "kinds": ["x", "y"], "id": "c1" }""")]
    [InlineData("""{ "id": "c1", "kinds": ["x", "y"], "emails": [ { "address": "a@x.test" } ] }""")]
    [InlineData("""{ "kinds": ["x", "y"], "emails": [ { "address": "a@x.test" } ], "id": "c1" }""")]
    public void An_element_can_project_an_array_of_the_record_that_itself_reads_the_record(string json)
    {
        var contact = Op<CrmNoInput, Contact>("contacts", "get").ReadResponse(Encoding.UTF8.GetBytes(json), CrmReadOptions.Default);
        Assert.Equal([("a@x.test", "x-c1/y-c1")], contact.EmailAddresses!.Select(e => (e.Email, e.Type)));
    }

    [Fact]
    public void Deferring_allocates_nothing_for_skipped_content()
    {
        var unmapped = string.Join(",", Enumerable.Range(0, 500).Select(i => "{\"n\":" + i + ",\"s\":\"text " + i + "\"}"));
        var small = Encoding.UTF8.GetBytes("""{ "pipeline": { "stages": [ { "id": "s", "label": "L" } ], "id": "p" } }""");
        var large = Encoding.UTF8.GetBytes("""{ "skip": [""" + unmapped + """], "pipeline": { "more": [""" + unmapped + """], "stages": [ { "id": "s", "x": [""" + unmapped + """], "label": "L" } ], "id": "p" } }""");
        var ignore = new CrmReadOptions { IgnoreRemoteData = true };
        var operation = Op<CrmNoInput, Pipeline>("pipelines", "get");

        long Allocated(byte[] json)
        {
            var least = long.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                operation.ReadResponse(json, ignore);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            return least;
        }

        Assert.Equal(Allocated(small), Allocated(large));
    }

    [Fact]
    public void A_write_projection_reads_the_unified_input_through_the_record_reference()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Op<Pipeline, Pipeline>("pipelines", "create").WriteBody(writer, new IntegratedAccount("parent", CrmCredentials.ApiKey("k")), new Pipeline
            {
                Id = "p9",
                Name = "Sales",
                Stages = [new Stage { Name = "A" }, new Stage { Name = "B" }],
            });
        }
        Assert.Equal(
            """{"name":"Sales","stages":[{"label":"A","pipeline":"Sales","pipeline_id":"p9"},{"label":"B","pipeline":"Sales","pipeline_id":"p9"}]}""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
        // 'id' is written only through '$$' inside the projection, and still counts as written.
        Assert.Equal(["id", "name", "stages"], Op<Pipeline, Pipeline>("pipelines", "create").WrittenFields);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
