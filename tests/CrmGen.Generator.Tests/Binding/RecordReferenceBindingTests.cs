using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using CrmGen.Generator.Tests.Diagnostics;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>
/// <c>$$</c>, the record a read or write block maps: what it binds to inside and outside
/// <c>each</c>, and CRM0034/CRM0035 where it means nothing.
/// </summary>
public class RecordReferenceBindingTests
{
    private static BoundProvider BindSingle(string text)
    {
        var bound = BindingTestHost.Bind(text);
        Assert.Empty(BindingTestHost.FormatAll(bound));
        return Assert.Single(bound.Providers);
    }

    private static BoundOperation Operation(BoundProvider provider, string resource, string name)
        => provider.Resources.Single(r => r.Name == resource).Operations.Single(o => o.Name == name);

    private static BoundExpression Field(BoundObjectConstruction record, string wireName)
        => record.Fields.Single(f => f.Property.WireName == wireName).Value;

    private static BoundExpression Member(BoundJsonObject body, string name)
        => body.Members.OfType<BoundJsonProperty>().Single(p => p.Name == name).Value;

    private static EquatableArray<JsonPathStep> Steps(params string[] names)
        => names.Select(n => new JsonPathStep(JsonPathStepKind.Property, n, 0)).ToEquatableArray();

    private const string Pipelines = """
        provider test {
          base_url "https://x.test"
          auth none
          resource pipelines {
            create POST "/pipelines" {
              requires name
              write {
                label  <- $$.name
                stages <- stages each { label <- name, pipeline_label <- $$.name }
              }
              read from pipeline {
                id     <- $$.id
                stages <- statuses each {
                  id       <- id
                  name     <- label ?? $$.default_label
                  pipeline <- { id <- $$.id }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void In_a_read_block_it_is_a_path_from_the_record_inside_each_and_a_plain_path_outside()
    {
        var create = Operation(BindSingle(Pipelines), "pipelines", "create");
        var record = create.Read!.Record;
        Assert.Equal(Steps("pipeline"), create.Read.RecordPath);
        Assert.Equal(new BoundJsonRead(new BoundProviderPath(Steps("id")), CrmType.String), Field(record, "id"));

        var stages = Assert.IsType<BoundProjection>(Field(record, "stages"));
        Assert.Equal(new BoundProviderPath(Steps("statuses")), stages.Source);
        var stage = Assert.IsType<BoundObjectConstruction>(stages.Element);
        Assert.Equal(new BoundJsonRead(new BoundProviderPath(Steps("id")), CrmType.String), Field(stage, "id"));
        var name = Assert.IsType<BoundBinary>(Field(stage, "name"));
        Assert.Equal(new BoundJsonRead(new BoundProviderPath(Steps("default_label"), FromRecord: true), CrmType.String), name.Right);
        var pipeline = Assert.IsType<BoundObjectConstruction>(Field(stage, "pipeline"));
        Assert.Equal(new BoundJsonRead(new BoundProviderPath(Steps("id"), FromRecord: true), CrmType.String), Field(pipeline, "id"));
    }

    [Fact]
    public void In_a_write_block_it_is_the_unified_input_at_any_depth_and_counts_for_requires()
    {
        var create = Operation(BindSingle(Pipelines), "pipelines", "create");
        var body = create.Write!.Body;
        var name = new UnifiedPathStep(UnifiedStepKind.Property, "Name", 0, CrmType.String);
        Assert.Equal(new BoundUnifiedPath(EquatableArray.Create(name), CrmType.String), Member(body, "label"));
        var stages = Assert.IsType<BoundProjection>(Member(body, "stages"));
        var element = Assert.IsType<BoundJsonObject>(stages.Element);
        Assert.Equal(new BoundUnifiedPath(EquatableArray.Create(name), CrmType.String), Member(element, "label"));
        Assert.Equal(new BoundUnifiedPath(EquatableArray.Create(name), CrmType.String, FromRecord: true), Member(element, "pipeline_label"));
    }

    [Fact]
    public void A_required_field_read_only_through_the_record_reference_is_written()
    {
        // 'name' is read only inside the projection, through '$$': no CRM0009.
        BindSingle("""
            provider test {
              base_url "https://x.test"
              auth none
              resource pipelines {
                create POST "/pipelines" {
                  requires name
                  write { stages <- stages each { label <- name, pipeline_label <- $$.name } }
                }
              }
            }
            """);
    }

    [Fact]
    public void CRM0034_the_record_alone_in_a_read_block()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource pipelines {
                get GET "/pipelines/{id}" {
                  read {
                    name   <- [|$$|]
                    stages <- statuses each { id <- id, name <- label, pipeline <- { id <- @Pad([|$$|]) } }
                    entity <- if exists([|$$|]) then "deal"
                  }
                }
              }
            }
            """,
            ("CRM0034", "'$$' alone is the provider record, which cannot be read as a value; name a value in it, as in '$$.id'"),
            ("CRM0034", "'$$' alone is the provider record, which cannot be read as a value; name a value in it, as in '$$.id'"),
            ("CRM0034", "'$$' alone is the provider record, which cannot be read as a value; name a value in it, as in '$$.id'"));
    }

    [Fact]
    public void CRM0035_where_no_block_maps_a_record()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test/{[|$$|].region}"
              auth bearer([|$$|].token)
              header "X-Tenant" [|$$|].tenant
              errors { message <- [|$$|].error.message }
              resource pipelines {
                create POST "/pipelines" {
                  query { label <- [|$$|].name }
                  header "X-Label" [|$$|].name
                  write { label <- name }
                }
                list GET "/pipelines/{team}" {
                  path { team <- [|$$|].team }
                  read from [|$$|].data { id <- id }
                }
              }
            }
            """,
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in base_url; settings have no record and use literals, context.NAME"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in auth; settings have no record and use literals, context.NAME and credentials.NAME"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a header; settings have no record and use literals, context.NAME and credentials.NAME"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in errors; its paths start at the error body; write 'error.message'"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a query value; its paths start at the unified input already; write 'name'"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a header; its paths start at the unified input already; write 'name'"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a path value; a list operation has no unified input"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in 'from'; 'from' names where the record (or the array of records) is in the response"));
    }

    [Fact]
    public void CRM0035_in_a_map_row_and_a_catch_all_and_CRM0027_as_a_target()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource pipelines {
                update PATCH "/pipelines/{id}" {
                  map {
                    name   <-> label
                    stages <-> statuses each { id <-> id, pipeline.id <-> [|$$|].id }
                  }
                }
              }
              resource contacts {
                get GET "/contacts/{id}" {
                  read {
                    custom_fields <- [|$$|].properties.*
                    [|$$|].first_name <- name
                  }
                }
              }
            }
            """,
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a map row; a two-way row is written back to where it reads, and '$$' reaches outside the element: use separate read and write rows"),
            ("CRM0035", "'$$' is the record a read or write block maps and cannot be used in a catch-all; a catch-all collects the keys of the record or element it is in"),
            ("CRM0027", "'$$' is not allowed in a read target; a target is a unified field such as 'first_name' or 'account.id'"));
    }

    [Fact]
    public void An_unknown_field_after_the_record_reference_is_reported_on_the_field()
    {
        DiagnosticAssert.Reports("""
            provider test {
              base_url "https://x.test"
              auth none
              resource pipelines {
                create POST "/pipelines" {
                  write { stages <- stages each { label <- name, pipeline_label <- $$.[|nmae|] } }
                }
              }
            }
            """,
            ("CRM0003", "Unknown unified field 'nmae' on Pipeline; did you mean 'name'?"));
    }
}
