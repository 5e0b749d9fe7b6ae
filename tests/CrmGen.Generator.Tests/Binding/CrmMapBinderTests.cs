using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;

namespace CrmGen.Generator.Tests.Binding;

/// <summary>The shape of the bound model: what the emitter receives for each construct.</summary>
public class CrmMapBinderTests
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

    private static BoundProviderPath ProviderPath(params string[] names)
        => new(names.Select(n => new JsonPathStep(JsonPathStepKind.Property, n, 0)).ToEquatableArray());

    private static BoundJsonRead Read(CrmType type, params string[] names) => new(ProviderPath(names), type);

    private static readonly CrmType StageType = new(CrmTypeKind.Model, "global::CrmGen.Stage");

    [Fact]
    public void Readme_close_example()
    {
        var provider = BindSingle(BindingExamples.ReadmeClose);
        Assert.Equal("close", provider.Name);
        Assert.Equal("Close", provider.DisplayName);
        Assert.Equal(new ProviderClassRef("TestProviders", "CloseProvider", "global::TestProviders.CloseProvider"), provider.Class);
        Assert.Equal(new BoundLiteral(LiteralKind.String, "https://api.close.com/api/v1", CrmType.String), provider.BaseUrl);
        Assert.Equal(
            new BoundAuth(AuthKind.Basic, null, EquatableArray.Create<BoundExpression>(new BoundCredential("api_key"), new BoundLiteral(LiteralKind.String, "", CrmType.String))),
            provider.Auth);
        Assert.Equal(new[] { "api_key" }, provider.Credentials);
        Assert.Equal(new BoundErrorMapping(Read(CrmType.String, "error"), null), provider.Errors);
        var table = Assert.Single(provider.Enums);
        Assert.Equal("stage_status", table.Name);
        Assert.True(table.IsInvertible);
        Assert.Null(table.Else);
        Assert.Equal(new BoundEnumEntry("active", "open"), table.Entries[0]);

        var resource = Assert.Single(provider.Resources);
        Assert.Equal(new UnifiedModelRef("Pipeline", "global::CrmGen.Pipeline", "RemoteData"), resource.Model);
        var create = Assert.Single(resource.Operations);
        Assert.Equal(OperationKind.Create, create.Kind);
        Assert.Equal("POST", create.Method);
        Assert.Equal(new[] { new BoundPathPart("/pipeline/", null, null) }, create.Path);
        Assert.Equal(new[] { new UnifiedPropertyRef("name", "Name", CrmType.String) }, create.Requires);

        var write = Assert.IsType<BoundWrite>(create.Write);
        Assert.Equal(
            new BoundUnifiedPath(EquatableArray.Create(new UnifiedPathStep(UnifiedStepKind.Property, "Name", 0, CrmType.String)), CrmType.String),
            Member(write.Body, "name"));

        var read = Assert.IsType<BoundRead>(create.Read);
        Assert.Empty(read.RecordPath);
        Assert.Equal(new[] { "id", "name", "stages", "created_at", "updated_at" }, read.Record.Fields.Select(f => f.Property.WireName));
        Assert.Equal(Read(CrmType.String, "id"), Field(read.Record, "id"));
        Assert.Equal(new BoundConversion(ProviderPath("date_created"), ConversionKind.IsoDateTime, ConversionDirection.ToUnified, CrmType.DateTime), Field(read.Record, "created_at"));

        var stages = Assert.IsType<BoundProjection>(Field(read.Record, "stages"));
        Assert.Equal(ProviderPath("statuses"), stages.Source);
        Assert.Equal(CrmTypeKind.List, stages.Type.Kind);
        Assert.Equal(StageType, stages.Type.Element);
        var stage = Assert.IsType<BoundObjectConstruction>(stages.Element);
        Assert.Equal(new UnifiedModelRef("Stage", "global::CrmGen.Stage", null), stage.Model);
        Assert.Equal(new BoundEnumLookup(Read(CrmType.String, "type"), "stage_status", false), Field(stage, "status"));
    }

    [Fact]
    public void Two_way_rows_are_read_and_written()
    {
        var provider = BindSingle(BindingExamples.Everything);
        var update = Operation(provider, "contacts", "update");

        var read = Assert.IsType<BoundRead>(update.Read).Record;
        Assert.Equal(new[] { "first_name", "created_at", "tags", "custom_fields" }, read.Fields.Select(f => f.Property.WireName));
        Assert.Equal(Read(CrmType.String, "properties", "firstname"), Field(read, "first_name"));
        Assert.Equal(new BoundConversion(ProviderPath("properties", "created"), ConversionKind.IsoDate, ConversionDirection.ToUnified, CrmType.DateTime), Field(read, "created_at"));
        var catchAll = Assert.IsType<BoundCatchAll>(Field(read, "custom_fields"));
        Assert.Equal(new[] { new JsonPathStep(JsonPathStepKind.Property, "properties", 0) }, catchAll.ObjectPath);
        Assert.Equal(new[] { "created", "firstname" }, catchAll.ExcludedKeys);

        var body = Assert.IsType<BoundWrite>(update.Write).Body;
        Assert.Equal(new[] { "properties", "labels" }, body.Members.OfType<BoundJsonProperty>().Select(p => p.Name));
        var properties = Assert.IsType<BoundJsonObject>(Member(body, "properties"));
        Assert.Equal(3, properties.Members.Count);
        Assert.IsType<BoundUnifiedPath>(Member(properties, "firstname"));
        var created = Assert.IsType<BoundConversion>(Member(properties, "created"));
        Assert.Equal((ConversionKind.IsoDate, ConversionDirection.ToProvider), (created.Conversion, created.Direction));
        var spread = Assert.IsType<BoundJsonSpread>(properties.Members[2]);
        Assert.Equal(CrmTypeKind.CustomFields, spread.Value.Type.Kind);
        var labels = Assert.IsType<BoundProjection>(Member(body, "labels"));
        Assert.Equal("Tags", Assert.IsType<BoundUnifiedPath>(labels.Source).Steps[0].PropertyName);
        var element = Assert.IsType<BoundJsonObject>(labels.Element);
        Assert.Equal(
            new BoundUnifiedPath(EquatableArray.Create(new UnifiedPathStep(UnifiedStepKind.Property, "Name", 0, CrmType.String)), CrmType.String),
            Member(element, "label"));
    }

    [Fact]
    public void Two_way_tables_conversions_and_dotted_targets()
    {
        var provider = BindSingle(BindingExamples.Everything);
        var create = Operation(provider, "opportunities", "create");
        var read = create.Read!.Record;
        Assert.Equal(new BoundEnumLookup(Read(CrmType.String, "state"), "stage_status", false), Field(read, "status"));
        Assert.Equal(new BoundConversion(ProviderPath("value"), ConversionKind.Cents, ConversionDirection.ToUnified, CrmType.Decimal), Field(read, "amount"));
        var stage = Assert.IsType<BoundObjectConstruction>(Field(read, "stage"));
        Assert.Equal(Read(CrmType.String, "stage_id"), Field(stage, "id"));

        var body = create.Write!.Body;
        var status = Assert.IsType<BoundEnumLookup>(Member(body, "state"));
        Assert.True(status.Inverse);
        Assert.Equal("stage_status", status.Table);
        var amount = Assert.IsType<BoundConversion>(Member(body, "value"));
        Assert.Equal((ConversionKind.Cents, ConversionDirection.ToProvider, CrmType.Json), (amount.Conversion, amount.Direction, amount.Type));
        var stageId = Assert.IsType<BoundUnifiedPath>(Member(body, "stage_id"));
        Assert.Equal(new[] { "Stage", "Id" }, stageId.Steps.Select(s => s.PropertyName));
        Assert.Equal(new[] { new UnifiedPropertyRef("name", "Name", CrmType.String) }, create.Requires);
    }

    [Fact]
    public void A_map_in_a_get_is_read_only_and_read_from_names_the_record()
    {
        var get = Operation(BindSingle(BindingExamples.Everything), "contacts", "get");
        Assert.Null(get.Write);
        var read = Assert.IsType<BoundRead>(get.Read);
        Assert.Equal(new[] { new JsonPathStep(JsonPathStepKind.Property, "contact", 0) }, read.RecordPath);
        Assert.Equal(new[] { "id", "first_name", "email_addresses", "created_at", "custom_fields" }, read.Record.Fields.Select(f => f.Property.WireName));
        var extra = Assert.IsType<BoundCatchAll>(Field(read.Record, "custom_fields"));
        Assert.Empty(extra.ExcludedKeys);
    }

    [Fact]
    public void Path_holes_take_path_entries_ids_and_context()
    {
        var provider = BindSingle(BindingExamples.Everything);
        Assert.Equal(
            new[] { new BoundPathPart("/contacts/", null, null), new BoundPathPart(null, "id", new BoundOperationId()) },
            Operation(provider, "contacts", "get").Path);
        Assert.Equal(
            new[] { new BoundPathPart("/contacts/", null, null), new BoundPathPart(null, "location", new BoundContextReference("location_id")) },
            Operation(provider, "contacts", "create").Path);
        var merge = Operation(provider, "contacts", "merge");
        Assert.Equal(OperationKind.Action, merge.Kind);
        Assert.Equal(
            new[] { "/contacts/", "contact_id", "/merge" },
            merge.Path.Select(p => p.Literal ?? p.Name));
        Assert.IsType<BoundUnifiedPath>(merge.Path[1].Value);

        var scoped = BindSingle("""
            provider test {
              base_url "https://x.test"
              auth none
              context location_id
              resource contacts {
                list GET "/locations/{location_id}/contacts" { query { limit <- 50, on <- true } }
              }
            }
            """);
        var list = Operation(scoped, "contacts", "list");
        Assert.Equal(new BoundContextReference("location_id"), list.Path[1].Value);
        Assert.Equal(
            new[]
            {
                new BoundParameter("limit", new BoundConversion(new BoundLiteral(LiteralKind.Number, "50", CrmType.Long), ConversionKind.String, ConversionDirection.ToProvider, CrmType.String)),
                new BoundParameter("on", new BoundConversion(new BoundLiteral(LiteralKind.True, "true", CrmType.Boolean), ConversionKind.String, ConversionDirection.ToProvider, CrmType.String)),
            },
            list.Query);
    }

    [Fact]
    public void Settings_headers_context_and_credentials()
    {
        var provider = BindSingle(BindingExamples.Everything);
        var baseUrl = Assert.IsType<BoundInterpolation>(provider.BaseUrl);
        Assert.Equal(
            new BoundExpression[] { new BoundContextReference("instance_url"), new BoundLiteral(LiteralKind.String, "/services/data/v60.0", CrmType.String) },
            baseUrl.Parts);
        Assert.Equal(new BoundAuth(AuthKind.ApiKeyHeader, "X-API-KEY", EquatableArray.Create<BoundExpression>(new BoundCredential("api_key"))), provider.Auth);
        Assert.Equal(new[] { "Version", "X-Location", "X-Secret" }, provider.Headers.Select(h => h.Name));
        Assert.Equal(new BoundCredential("secret"), provider.Headers[2].Value);
        Assert.Equal(new[] { new BoundContextValue("instance_url", true), new BoundContextValue("location_id", false) }, provider.Context);
        Assert.Equal(new[] { "api_key", "secret" }, provider.Credentials);
        Assert.Equal(new[] { "stage_status", "phone_kind" }, provider.Enums.Select(e => e.Name));
        Assert.Equal("open", provider.Enums[0].Else);

        var create = Operation(provider, "contacts", "create");
        Assert.Equal(new[] { new BoundParameter("notify", new BoundLiteral(LiteralKind.String, "true", CrmType.String)) }, create.Query);
        Assert.Equal(new[] { new BoundHeader("X-Request", new BoundLiteral(LiteralKind.String, "create", CrmType.String)) }, create.Headers);
    }

    [Fact]
    public void Write_rows_group_dotted_targets_and_keep_order()
    {
        var create = Operation(BindSingle(BindingExamples.Everything), "contacts", "create");
        var body = create.Write!.Body;
        Assert.Equal(new[] { "properties", "company", "ids", "odd key" }, body.Members.OfType<BoundJsonProperty>().Select(p => p.Name));
        var properties = Assert.IsType<BoundJsonObject>(Member(body, "properties"));
        Assert.Equal(
            new[] { "firstname", "lastname", "email", "emails", "tags", "phone", "upper", "lower", "created", "active" },
            properties.Members.OfType<BoundJsonProperty>().Select(p => p.Name));
        Assert.IsType<BoundJsonSpread>(properties.Members[^1]);

        var email = Assert.IsType<BoundUnifiedPath>(Member(properties, "email"));
        Assert.Equal(new[] { UnifiedStepKind.Property, UnifiedStepKind.Index, UnifiedStepKind.Property }, email.Steps.Select(s => s.Kind));
        var tags = Assert.IsType<BoundBuiltinCall>(Member(properties, "tags"));
        Assert.Equal(BuiltinFunction.Join, tags.Function);
        var projection = Assert.IsType<BoundProjection>(tags.Arguments[0]);
        Assert.Equal("global::System.Collections.Generic.List<string>", projection.Type.CSharpName);
        var phone = Assert.IsType<BoundHookCall>(Member(properties, "phone"));
        Assert.Equal("PhoneOfType", phone.MethodName);
        Assert.Equal(CrmType.String, phone.Type);
        var created = Assert.IsType<BoundConversion>(Member(properties, "created"));
        Assert.Equal((ConversionKind.EpochSeconds, CrmType.Json), (created.Conversion, created.Type));
        Assert.Equal(CrmType.Boolean, Member(properties, "active").Type);
        Assert.IsType<BoundJsonObject>(Member(body, "company"));
        Assert.Equal(CrmType.Json, Assert.IsType<BoundArray>(Member(body, "ids")).Type);
        Assert.Equal(new[] { new UnifiedPropertyRef("first_name", "FirstName", CrmType.String), new UnifiedPropertyRef("email_addresses", "EmailAddresses", new CrmType(CrmTypeKind.List, "global::System.Collections.Generic.List<global::CrmGen.EmailAddress>", new CrmType(CrmTypeKind.Model, "global::CrmGen.EmailAddress"))) }, create.Requires);
        Assert.Equal(new[] { new JsonPathStep(JsonPathStepKind.Property, "data", 0) }, create.Read!.RecordPath);
    }

    [Fact]
    public void Read_expressions_are_typed_by_their_target()
    {
        var list = Operation(BindSingle(BindingExamples.Everything), "contacts", "list");
        Assert.Equal(new[] { new JsonPathStep(JsonPathStepKind.Property, "results", 0) }, list.Read!.RecordPath);
        var record = list.Read.Record;

        Assert.Equal(Read(CrmType.String, "properties", "last name"), Field(record, "last_name"));
        var name = Assert.IsType<BoundInterpolation>(Field(record, "name"));
        Assert.Equal(Read(CrmType.String, "properties", "firstname"), name.Parts[0]);

        var title = Assert.IsType<BoundConditional>(Field(record, "title"));
        Assert.Equal(CrmType.String, title.Type);
        var condition = Assert.IsType<BoundBinary>(title.Condition);
        Assert.Equal(BinaryOperator.NotEqual, condition.Operator);
        Assert.Equal(Read(CrmType.String, "properties", "title"), condition.Left);

        var updated = Assert.IsType<BoundBinary>(Field(record, "updated_at"));
        Assert.Equal(BinaryOperator.Coalesce, updated.Operator);
        Assert.Equal(CrmType.DateTime, updated.Type);
        Assert.IsType<BoundConversion>(updated.Left);

        var phones = Assert.IsType<BoundProjection>(Field(record, "phone_numbers"));
        var phone = Assert.IsType<BoundObjectConstruction>(phones.Element);
        var normalize = Assert.IsType<BoundHookCall>(Field(phone, "number"));
        Assert.Equal(new BoundExpression[] { Read(CrmType.String, "value") }, normalize.Arguments);
        Assert.Equal(new BoundEnumLookup(Read(CrmType.String, "kind"), "phone_kind", false), Field(phone, "type"));

        var tags = Assert.IsType<BoundProjection>(Field(record, "tags"));
        var tag = Assert.IsType<BoundObjectConstruction>(tags.Element);
        Assert.Equal(new BoundJsonRead(new BoundProviderPath(EquatableArray<JsonPathStep>.Empty), CrmType.String), Field(tag, "name"));

        var owner = Assert.IsType<BoundConditional>(Field(record, "owner"));
        var exists = Assert.IsType<BoundBuiltinCall>(owner.Condition);
        Assert.Equal(ProviderPath("owner_id"), exists.Arguments[0]);
        Assert.IsType<BoundObjectConstruction>(owner.WhenTrue);
        Assert.Null(owner.WhenFalse);

        Assert.IsType<BoundHookCall>(Field(record, "last_activity_at"));
        var custom = Assert.IsType<BoundCatchAll>(Field(record, "custom_fields"));
        Assert.Equal(new[] { "firstname", "last name", "lastname", "role", "title" }, custom.ExcludedKeys);

        var user = Operation(BindSingle(BindingExamples.Everything), "users", "list").Read!.Record;
        var active = Assert.IsType<BoundBinary>(Field(user, "is_active"));
        Assert.Equal(Read(CrmType.Boolean, "active"), active.Left);
        var email = Assert.IsType<BoundBuiltinCall>(Field(user, "email"));
        Assert.Equal((BuiltinFunction.First, CrmType.String), (email.Function, email.Type));
    }

    [Fact]
    public void A_conversion_of_a_coalesce_converts_each_side()
    {
        var provider = BindSingle("""
            provider test {
              base_url "https://x.test"
              auth none
              resource contacts {
                get GET "/contacts/{id}" {
                  read { created_at <- (created ?? createdAt) as datetime }
                }
              }
            }
            """);
        var created = Assert.IsType<BoundBinary>(Field(Operation(provider, "contacts", "get").Read!.Record, "created_at"));
        Assert.Equal(new BoundConversion(ProviderPath("created"), ConversionKind.IsoDateTime, ConversionDirection.ToUnified, CrmType.DateTime), created.Left);
        Assert.Equal(new BoundConversion(ProviderPath("createdAt"), ConversionKind.IsoDateTime, ConversionDirection.ToUnified, CrmType.DateTime), created.Right);
    }

    [Fact]
    public void A_quoted_first_segment_is_provider_data_not_the_account()
    {
        var provider = BindSingle("""
            provider test {
              base_url "https://x.test"
              auth none
              context region
              resource contacts {
                get GET "/contacts/{id}" {
                  read { first_name <- "context".name, last_name <- context.region, title <- "credentials" }
                }
              }
            }
            """);
        var record = Operation(provider, "contacts", "get").Read!.Record;
        Assert.Equal(Read(CrmType.String, "context", "name"), Field(record, "first_name"));
        Assert.Equal(new BoundContextReference("region"), Field(record, "last_name"));
        Assert.Equal(new BoundLiteral(LiteralKind.String, "credentials", CrmType.String), Field(record, "title"));
    }

    [Fact]
    public void A_file_with_errors_generates_nothing_but_keeps_every_diagnostic()
    {
        var bound = BindingTestHost.Bind(BindingExamples.ReadmeClose + "\nprovider test {\n  base_url \"https://x.test\"\n  auth none\n  errors { message <- }\n  resource contact { }\n}\n");
        Assert.Empty(bound.Providers);
        Assert.Equal(new[] { "CRM0001", "CRM0016" }, bound.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Binding_is_deterministic_and_equatable()
    {
        var first = BindingTestHost.Bind(BindingExamples.Everything);
        var second = BindingTestHost.Bind(BindingExamples.Everything);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Binding_observes_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var file = BindingTestHost.Parse(BindingExamples.Everything);
        Assert.ThrowsAny<OperationCanceledException>(() => CrmMapBinder.Bind(file, BindingTestHost.Facts, cancellation.Token));
    }
}
