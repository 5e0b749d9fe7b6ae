using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmGen.Benchmarks.Read;

/// <summary>
/// Variant (d): a runtime mapping engine, the way JSONata-style engines work. The mapping is data
/// (rules whose expressions hold dotted path strings), compiled once into an expression tree; each
/// response is parsed into a <see cref="JsonNode"/> tree, every rule is evaluated over it (paths
/// walked node by node, values boxed), the results collected into a generic document keyed by the
/// unified wire names, and that document bound to <see cref="Contact"/> through a table of setters.
/// The rules are exactly those of the .crmmap read blocks.
/// </summary>
public sealed class InterpretiveMapper
{
    private readonly string[] _recordsPath;
    private readonly string[] _cursorPath;
    private readonly (string Target, Expr Value)[] _rules;

    private InterpretiveMapper(string recordsPath, string cursorPath, (string Target, Expr Value)[] rules)
    {
        _recordsPath = recordsPath.Split('.');
        _cursorPath = cursorPath.Split('.');
        _rules = rules;
    }

    /// <summary>HubSpot <c>contacts list</c>: <c>read from results</c>, <c>next_page cursor &lt;- paging.next.after</c>.</summary>
    public static InterpretiveMapper HubSpotContacts { get; } = new("results", "paging.next.after",
    [
        ("id", Coalesce(Path("id"), Path("properties.hs_object_id"))),
        ("first_name", Path("properties.firstname")),
        ("last_name", Path("properties.lastname")),
        ("name", Call("FullName", Path("properties.firstname"), Path("properties.lastname"))),
        ("title", Path("properties.jobtitle")),
        ("email_addresses", Array(If(Exists("properties.email"), Obj(("email", Path("properties.email")), ("type", Const("work")))))),
        ("phone_numbers", Array(
            If(Exists("properties.phone"), Obj(("number", Path("properties.phone")), ("type", Const("phone")))),
            If(Exists("properties.mobilephone"), Obj(("number", Path("properties.mobilephone")), ("type", Const("mobile")))))),
        ("addresses", Array(If(
            Or(Exists("properties.address"), Exists("properties.city"), Exists("properties.zip"), Exists("properties.country")),
            Obj(("street_1", Path("properties.address")), ("city", Path("properties.city")), ("state", Path("properties.state")),
                ("postal_code", Path("properties.zip")), ("country", Path("properties.country")))))),
        ("account", If(Exists("properties.associatedcompanyid"), Obj(("id", Path("properties.associatedcompanyid")), ("name", Path("properties.company"))))),
        ("created_at", Coalesce(AsDateTime(Path("properties.createdate")), AsDateTime(Path("createdAt")))),
        ("updated_at", Coalesce(AsDateTime(Path("properties.lastmodifieddate")), AsDateTime(Path("updatedAt")))),
        ("last_activity_at", AsDateTime(Path("properties.notes_last_updated"))),
        ("custom_fields", Rest("properties", null,
            "properties.hs_object_id", "properties.firstname", "properties.lastname", "properties.jobtitle", "properties.email",
            "properties.phone", "properties.mobilephone", "properties.address", "properties.city", "properties.state",
            "properties.zip", "properties.country", "properties.associatedcompanyid", "properties.company",
            "properties.createdate", "properties.lastmodifieddate", "properties.notes_last_updated")),
    ]);

    /// <summary>Salesforce <c>contacts list</c>: <c>read from records</c>, <c>next_page url &lt;- nextRecordsUrl</c>.</summary>
    public static InterpretiveMapper SalesforceContacts { get; } = new("records", "nextRecordsUrl",
    [
        ("id", Path("Id")),
        ("first_name", Path("FirstName")),
        ("last_name", Path("LastName")),
        ("name", Path("Name")),
        ("email_addresses", Array(If(Exists("Email"), Obj(("email", Path("Email")), ("type", Const("work")))))),
        ("created_at", AsDateTime(Path("CreatedDate"))),
        ("updated_at", AsDateTime(Path("LastModifiedDate"))),
        ("custom_fields", Rest("", "__c$", "Id", "FirstName", "LastName", "Name", "Email", "CreatedDate", "LastModifiedDate")),
    ]);

    /// <summary>Maps a page: parse, find the records and the cursor, evaluate the rules for each record, bind.</summary>
    public CrmPage<Contact> ReadPage(ReadOnlySpan<byte> utf8Json)
    {
        var root = JsonNode.Parse(utf8Json);
        var contacts = new List<Contact>();
        if (Walk(root, _recordsPath) is JsonArray records)
        {
            foreach (var record in records)
            {
                if (record is null) continue;
                var document = new Dictionary<string, object?>(_rules.Length, StringComparer.Ordinal);
                foreach (var (target, value) in _rules)
                {
                    document[target] = value.Evaluate(record);
                }
                contacts.Add(ContactBinder.Bind(document));
            }
        }
        return new CrmPage<Contact>(contacts, Text(Walk(root, _cursorPath)));
    }

    private static JsonNode? Walk(JsonNode? node, string[] steps)
    {
        foreach (var step in steps)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(step, out node)) return null;
        }
        return node;
    }

    /// <summary>A scalar as text (numbers as their source text); null for null or a missing value.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => throw new JsonException($"Expected a string at {node.GetPath()}."),
    };

    private static Expr Path(string path) => new PathExpr(path);
    private static Expr Const(string value) => new ConstExpr(value);
    private static Expr Coalesce(Expr a, Expr b) => new CoalesceExpr(a, b);
    private static Expr Exists(string path) => new ExistsExpr(path);
    private static Expr Or(params Expr[] items) => new OrExpr(items);
    private static Expr If(Expr condition, Expr then) => new IfExpr(condition, then);
    private static Expr Array(params Expr[] items) => new ArrayExpr(items);
    private static Expr Obj(params (string Name, Expr Value)[] members) => new ObjectExpr(members);
    private static Expr AsDateTime(Expr value) => new DateTimeExpr(value);
    private static Expr Call(string function, params Expr[] args) => new CallExpr(function, args);
    private static Expr Rest(string path, string? matching, params string[] mapped)
        => new RestExpr(path, matching is null ? null : new System.Text.RegularExpressions.Regex(matching, System.Text.RegularExpressions.RegexOptions.CultureInvariant), mapped);

    /// <summary>A compiled expression, evaluated against one record node.</summary>
    private abstract class Expr
    {
        public abstract object? Evaluate(JsonNode record);
    }

    private sealed class PathExpr(string path) : Expr
    {
        private readonly string[] _steps = path.Split('.');

        public JsonNode? Node(JsonNode record) => Walk(record, _steps);

        public override object? Evaluate(JsonNode record) => Text(Node(record));
    }

    private sealed class ConstExpr(string value) : Expr
    {
        public override object? Evaluate(JsonNode record) => value;
    }

    private sealed class CoalesceExpr(Expr a, Expr b) : Expr
    {
        public override object? Evaluate(JsonNode record) => a.Evaluate(record) ?? b.Evaluate(record);
    }

    private sealed class ExistsExpr(string path) : Expr
    {
        private readonly string[] _steps = path.Split('.');

        public override object? Evaluate(JsonNode record) => Walk(record, _steps) is not null;
    }

    private sealed class OrExpr(Expr[] items) : Expr
    {
        public override object? Evaluate(JsonNode record)
        {
            foreach (var item in items)
            {
                if (item.Evaluate(record) is true) return true;
            }
            return false;
        }
    }

    private sealed class IfExpr(Expr condition, Expr then) : Expr
    {
        public override object? Evaluate(JsonNode record) => condition.Evaluate(record) is true ? then.Evaluate(record) : null;
    }

    private sealed class ArrayExpr(Expr[] items) : Expr
    {
        public override object? Evaluate(JsonNode record)
        {
            var list = new List<object?>();
            foreach (var item in items)
            {
                if (item.Evaluate(record) is { } value) list.Add(value);
            }
            return list;
        }
    }

    private sealed class ObjectExpr((string Name, Expr Value)[] members) : Expr
    {
        public override object? Evaluate(JsonNode record)
        {
            var obj = new Dictionary<string, object?>(members.Length, StringComparer.Ordinal);
            foreach (var (name, value) in members) obj[name] = value.Evaluate(record);
            return obj;
        }
    }

    private sealed class DateTimeExpr(Expr value) : Expr
    {
        public override object? Evaluate(JsonNode record)
            => value.Evaluate(record) is string text && !string.IsNullOrWhiteSpace(text)
                ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : null;
    }

    private sealed class CallExpr(string function, Expr[] args) : Expr
    {
        public override object? Evaluate(JsonNode record)
        {
            var values = new object?[args.Length];
            for (var i = 0; i < args.Length; i++) values[i] = args[i].Evaluate(record);
            return function switch
            {
                "FullName" => HandWrittenReaders.FullName(values[0] as string, values[1] as string),
                _ => throw new InvalidOperationException($"Unknown function {function}."),
            };
        }
    }

    /// <summary>
    /// <c>path.*</c> (<c>*</c> for the record's top level): every member of the object at the path
    /// that no other rule reads, and whose name the pattern matches when there is one.
    /// </summary>
    private sealed class RestExpr(string path, System.Text.RegularExpressions.Regex? matching, string[] mapped) : Expr
    {
        private readonly string[] _steps = path.Length == 0 ? [] : path.Split('.');
        private readonly string _prefix = path.Length == 0 ? "" : path + ".";

        public override object? Evaluate(JsonNode record)
        {
            if (Walk(record, _steps) is not JsonObject obj) return null;
            Dictionary<string, object?>? rest = null;
            foreach (var (name, value) in obj)
            {
                if (System.Array.IndexOf(mapped, _prefix + name) >= 0) continue;
                if (matching is not null && !matching.IsMatch(name)) continue;
                (rest ??= new Dictionary<string, object?>())[name] = CustomValue(value);
            }
            return rest;
        }

        private static object? CustomValue(JsonNode? node)
        {
            if (node is null) return null;
            switch (node.GetValueKind())
            {
                case JsonValueKind.String: return node.GetValue<string>();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number:
                    var element = node.GetValue<JsonElement>();
                    if (element.TryGetInt64(out var integer)) return integer;
                    if (element.TryGetDecimal(out var number)) return number;
                    return element.GetDouble();
                default:
                    using (var document = JsonDocument.Parse(node.ToJsonString()))
                    {
                        return document.RootElement.Clone();
                    }
            }
        }
    }

    /// <summary>Binds a generic document (unified wire names) to a <see cref="Contact"/> through a setter table.</summary>
    private static class ContactBinder
    {
        private static readonly Dictionary<string, Action<Contact, object?>> Setters = new(StringComparer.Ordinal)
        {
            ["id"] = (c, v) => c.Id = (string?)v,
            ["first_name"] = (c, v) => c.FirstName = (string?)v,
            ["last_name"] = (c, v) => c.LastName = (string?)v,
            ["name"] = (c, v) => c.Name = (string?)v,
            ["title"] = (c, v) => c.Title = (string?)v,
            ["email_addresses"] = (c, v) => c.EmailAddresses = ListOf(v, o => new EmailAddress { Email = (string?)o["email"], Type = (string?)o["type"] }),
            ["phone_numbers"] = (c, v) => c.PhoneNumbers = ListOf(v, o => new PhoneNumber { Number = (string?)o["number"], Type = (string?)o["type"] }),
            ["addresses"] = (c, v) => c.Addresses = ListOf(v, o => new Address
            {
                Street1 = (string?)o["street_1"], City = (string?)o["city"], State = (string?)o["state"],
                PostalCode = (string?)o["postal_code"], Country = (string?)o["country"],
            }),
            ["account"] = (c, v) => c.Account = v is Dictionary<string, object?> o ? new AccountReference { Id = (string?)o["id"], Name = (string?)o["name"] } : null,
            ["created_at"] = (c, v) => c.CreatedAt = (DateTimeOffset?)v,
            ["updated_at"] = (c, v) => c.UpdatedAt = (DateTimeOffset?)v,
            ["last_activity_at"] = (c, v) => c.LastActivityAt = (DateTimeOffset?)v,
            ["custom_fields"] = (c, v) => c.CustomFields = (Dictionary<string, object?>?)v,
        };

        public static Contact Bind(Dictionary<string, object?> document)
        {
            var contact = new Contact();
            foreach (var (name, value) in document)
            {
                if (!Setters.TryGetValue(name, out var set)) throw new InvalidOperationException($"No unified field {name}.");
                set(contact, value);
            }
            return contact;
        }

        private static List<T>? ListOf<T>(object? value, Func<Dictionary<string, object?>, T> make)
        {
            if (value is not List<object?> items) return null;
            var list = new List<T>(items.Count);
            foreach (var item in items) list.Add(make((Dictionary<string, object?>)item!));
            return list;
        }
    }
}
