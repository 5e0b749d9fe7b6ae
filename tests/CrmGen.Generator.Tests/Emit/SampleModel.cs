using CrmGen.Generator.Binding;
using CrmGen.Generator.Model;
using CrmGen.Generator.Syntax;
using static CrmGen.Generator.Tests.Emit.BoundModelDsl;

namespace CrmGen.Generator.Tests.Emit;

/// <summary>
/// A hand-built bound provider using every kind of bound expression the emitter handles: the
/// emitter's input as the binder produces it for <c>Generation/Sample/sample.crmmap</c>.
/// </summary>
internal static class SampleModel
{
    public const string ProviderClass = "CrmGen.Samples.SampleProvider";

    /// <summary>The provider's partial class with its hooks (compiled beside the generated code).</summary>
    public static string ClassSource => File.ReadAllText(System.IO.Path.Combine(RepositoryPathsForSample.SampleDirectory, "SampleProvider.cs"));

    private static readonly CrmType Str = CrmType.String;

    public static BoundObjectConstruction ContactRecord() => Obj<Contact>(
        ("id", BoundModelDsl.Str("id")),
        ("first_name", BoundModelDsl.Str("name", "first")),
        ("last_name", Coalesce(BoundModelDsl.Str("name", "last"), Lit("(none)"))),
        ("name", Concat(BoundModelDsl.Str("name", "first"), Lit(" "), BoundModelDsl.Str("name", "last"))),
        ("title", If(
            Binary(BinaryOperator.Equal, Read(CrmType.Boolean, "is_vip"), True),
            Call(BuiltinFunction.Upper, Str, BoundModelDsl.Str("job", "title")),
            Call(BuiltinFunction.Lower, Str, BoundModelDsl.Str("job", "title")))),
        ("job_title", Call(BuiltinFunction.Trim, Str, BoundModelDsl.Str("job", "title"))),
        ("description", If(
            new BoundNot(Exists(Path("bio"))),
            Concat(
                Lit("score "), To(ConversionKind.Decimal, CrmType.Decimal, Path("score")),
                Lit(", "), To(ConversionKind.Cents, CrmType.Decimal, Path("amount")),
                Lit(" due, "), To(ConversionKind.Integer, CrmType.Long, Path("visits")),
                Lit(" visits, active "), To(ConversionKind.Boolean, CrmType.Boolean, Path("active"))),
            BoundModelDsl.Str("bio"))),
        ("email_addresses", Each(Path("emails"), Obj<EmailAddress>(
            ("email", BoundModelDsl.Str("address")),
            ("type", Coalesce(BoundModelDsl.Str("kind"), Lit("work")))), ModelType<EmailAddress>())),
        ("phone_numbers", Each(Path("phones"), Obj<PhoneNumber>(
            ("number", Hook("NormalizePhone", Str, BoundModelDsl.Str("number"))),
            ("type", Via(BoundModelDsl.Str("kind"), "phone_kind"))), ModelType<PhoneNumber>())),
        ("phone_number", Call(BuiltinFunction.First, Str, Each(Path("phones"), BoundModelDsl.Str("number"), Str))),
        ("phone_numbesr", BoundModelDsl.Str("phones", 1, "number")),
        ("addresses", Array(ModelType<Address>(), Obj<Address>(
            ("street_1", BoundModelDsl.Str("address", "lines", 0)),
            ("street_2", BoundModelDsl.Str("address", "lines", 1)),
            ("city", BoundModelDsl.Str("address", "city")),
            ("country", Call(BuiltinFunction.Upper, Str, BoundModelDsl.Str("address", "country")))))),
        ("tags", Each(Path("labels"), Obj<Tag>(("name", BoundModelDsl.Str())), ModelType<Tag>())),
        ("urls", Array(ModelType<ContactUrl>(), If(Exists(Path("website")), Obj<ContactUrl>(("url", BoundModelDsl.Str("website")), ("type", Lit("website")))))),
        ("account", Obj<AccountReference>(
            ("id", To(ConversionKind.String, Str, Path("company", "id"))),
            ("name", BoundModelDsl.Str("company", "name")))),
        ("owner", If(
            Binary(BinaryOperator.And, Exists(Path("owner_id")), Binary(BinaryOperator.Or,
                Binary(BinaryOperator.NotEqual, BoundModelDsl.Str("owner_id"), Lit("")),
                Exists(Path("owner_email")))),
            Obj<OwnerReference>(("id", BoundModelDsl.Str("owner_id"))))),
        ("custom_fields", new BoundCatchAll(Steps("custom").ToEquatableArray(), EquatableArray<string>.Empty, TypeOf(typeof(Dictionary<string, object?>)))),
        ("etag", Call(BuiltinFunction.Join, Str, Each(Path("versions"), BoundModelDsl.Str(), Str), Lit("-"))),
        ("last_activity_at", To(ConversionKind.EpochMilliseconds, CrmType.DateTime,
            new BoundBinary(BinaryOperator.Coalesce, Path("activity", "last"), Path("activity", "previous"), CrmType.Json))),
        ("created_at", To(ConversionKind.IsoDateTime, CrmType.DateTime, Path("created"))),
        ("updated_at", Coalesce(
            To(ConversionKind.EpochSeconds, CrmType.DateTime, Path("updated")),
            To(ConversionKind.IsoDate, CrmType.DateTime, Path("updated_date")))));

    public static BoundObjectConstruction ShortContactRecord() => Obj<Contact>(
        ("id", BoundModelDsl.Str("id")),
        ("first_name", BoundModelDsl.Str("name", "first")),
        ("last_name", BoundModelDsl.Str("name", "last")),
        ("custom_fields", new BoundCatchAll(EquatableArray<JsonPathStep>.Empty, EquatableArray.Create("id", "name"), TypeOf(typeof(Dictionary<string, object?>)))));

    public static BoundJsonObject ContactCreateBody() => JsonObject(Member("data", JsonObject(
        Member("first", U<Contact>("first_name")),
        Member("last", Coalesce(U<Contact>("last_name"), Lit("Unknown"))),
        Member("full", Concat(U<Contact>("first_name"), Lit(" "), U<Contact>("last_name"))),
        Member("title", Call(BuiltinFunction.Upper, Str, U<Contact>("title"))),
        Member("emails", Each(U<Contact>("email_addresses"), JsonObject(
            Member("address", U<EmailAddress>("email")),
            Member("kind", Coalesce(U<EmailAddress>("type"), Lit("work")))), CrmType.Json)),
        Member("tags", Each(U<Contact>("tags"), U<Tag>("name"), Str)),
        Member("created", ToProvider(ConversionKind.IsoDateTime, U<Contact>("created_at"))),
        Member("created_ms", ToProvider(ConversionKind.EpochMilliseconds, U<Contact>("created_at"))),
        Member("day", ToProvider(ConversionKind.IsoDate, U<Contact>("created_at"))),
        Member("company", If(Exists(U<Contact>("account", "id")), JsonObject(
            Member("id", U<Contact>("account", "id")),
            Member("name", U<Contact>("account", "name"))))),
        Member("primary", U<Contact>("email_addresses", 0, "email")),
        Member("flags", JsonArray(Lit("api"), If(Exists(U<Contact>("owner", "id")), Lit("owned")))),
        Member("owner", Hook("OwnerKey", Str, U<Contact>("owner", "id"))),
        Member("priority", Num("2", CrmType.Json)),
        Member("ratio", Num("0.5", CrmType.Json)),
        Spread(U<Contact>("custom_fields")))));

    public static BoundJsonObject ContactUpdateBody() => JsonObject(
        Member("name", JsonObject(Member("first", U<Contact>("first_name")))),
        Member("phones", Each(U<Contact>("phone_numbers"), JsonObject(
            Member("number", U<PhoneNumber>("number")),
            Member("kind", Via(U<PhoneNumber>("type"), "phone_kind", inverse: true))), CrmType.Json)));

    public static BoundObjectConstruction ContactUpdateRecord() => Obj<Contact>(
        ("first_name", BoundModelDsl.Str("name", "first")),
        ("phone_numbers", Each(Path("phones"), Obj<PhoneNumber>(
            ("number", BoundModelDsl.Str("number")),
            ("type", Via(BoundModelDsl.Str("kind"), "phone_kind"))), ModelType<PhoneNumber>())));

    public static BoundObjectConstruction PipelineRecord() => Obj<Pipeline>(
        ("id", BoundModelDsl.Str("id")),
        ("name", BoundModelDsl.Str("label")),
        ("entity", Lit("opportunity")),
        ("stages", Each(Path("stages"), Obj<Stage>(
            ("id", BoundModelDsl.Str("id")),
            ("name", BoundModelDsl.Str("name")),
            ("status", Via(BoundModelDsl.Str("state"), "stage_status")),
            ("pipeline", If(Exists(Path("pipeline_id")), Obj<PipelineReference>(("id", BoundModelDsl.Str("pipeline_id")))))), ModelType<Stage>())),
        ("created_at", To(ConversionKind.EpochSeconds, CrmType.DateTime, Path("created"))),
        ("updated_at", To(ConversionKind.IsoDateTime, CrmType.DateTime, Path("updated"))));

    public static BoundProvider Provider()
    {
        var contact = ModelRef<Contact>();
        var contacts = new BoundResource("contacts", contact, EquatableArray.Create(
            Operation(OperationKind.Create, "POST", "/contacts",
                write: new BoundWrite(ContactCreateBody()),
                read: new BoundRead(Steps("data").ToEquatableArray(), ContactRecord()),
                requires: new[] { Prop<Contact>("first_name"), Prop<Contact>("email_addresses") },
                query: new[] { new BoundParameter("region", new BoundContextReference("region")) },
                headers: new[] { new BoundHeader("X-Trace", Concat(Lit("create-"), U<Contact>("first_name"))) }),
            Operation(OperationKind.Get, "GET", "/contacts/{id}",
                read: new BoundRead(Steps("data").ToEquatableArray(), ShortContactRecord())),
            Operation(OperationKind.Update, "PATCH", "/contacts/{id}",
                write: new BoundWrite(ContactUpdateBody()),
                read: new BoundRead(Steps("data").ToEquatableArray(), ContactUpdateRecord())),
            Operation(OperationKind.List, "GET", "/contacts",
                read: new BoundRead(Steps("items").ToEquatableArray(), ShortContactRecord()),
                query: new[] { new BoundParameter("limit", Lit("100")) }),
            Operation(OperationKind.Delete, "DELETE", "/contacts/{id}")));
        var pipelines = new BoundResource("pipelines", ModelRef<Pipeline>(), EquatableArray.Create(
            Operation(OperationKind.List, "GET", "/pipelines",
                read: new BoundRead(Steps("data", "pipelines").ToEquatableArray(), PipelineRecord()))));

        return new BoundProvider(
            "sample",
            "Sample CRM",
            new ProviderClassRef("CrmGen.Samples", "SampleProvider", "global::" + ProviderClass),
            Concat(Lit("https://"), new BoundContextReference("subdomain"), Lit(".sample.test/api/v2")),
            new BoundAuth(AuthKind.ApiKeyHeader, "X-Api-Key", EquatableArray.Create<BoundExpression>(new BoundCredential("api_key"))),
            EquatableArray.Create(new BoundHeader("X-Client", Lit("crmgen"))),
            EquatableArray.Create(new BoundContextValue("subdomain", true), new BoundContextValue("region", false)),
            EquatableArray.Create("api_key"),
            new BoundErrorMapping(Coalesce(BoundModelDsl.Str("error", "message"), BoundModelDsl.Str("detail")), BoundModelDsl.Str("error", "code")),
            EquatableArray.Create(
                new BoundEnumTable("phone_kind", EquatableArray.Create(
                    new BoundEnumEntry("cell", "mobile"), new BoundEnumEntry("office", "work"), new BoundEnumEntry("home", "home")), null, true),
                new BoundEnumTable("stage_status", EquatableArray.Create(
                    new BoundEnumEntry("active", "open"), new BoundEnumEntry("won", "won"), new BoundEnumEntry("lost", "lost")), "open", true)),
            EquatableArray.Create(contacts, pipelines));
    }
}

/// <summary>Where the sample provider's files live.</summary>
internal static class RepositoryPathsForSample
{
    public static string SampleDirectory => System.IO.Path.Combine(Infrastructure.RepositoryPaths.TestProject, "Generation", "Sample");
}
