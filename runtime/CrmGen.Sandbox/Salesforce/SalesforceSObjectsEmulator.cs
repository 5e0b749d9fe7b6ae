using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Salesforce's sObject resources (REST API), in memory, for Account, Contact, Opportunity, Lead
/// and OpportunityContactRole.
/// </summary>
/// <remarks>
/// Follows the REST API Developer Guide pages "sObject Basic Information", "sObject Rows",
/// "Create a Record", "Update a Record", "Delete a Record" and "Get Field Values from a Standard
/// Object Record", and the Object Reference pages "Contact", "Account", "Opportunity", "Lead" and
/// "OpportunityContactRole" for the fields (names are case-insensitive; <c>LastName</c> is required
/// on Contact and Lead, <c>Company</c> on Lead, <c>Name</c> on Account, <c>Name</c>, <c>StageName</c>
/// and <c>CloseDate</c> on Opportunity, <c>OpportunityId</c> and <c>ContactId</c> on
/// OpportunityContactRole, whose <c>OpportunityId</c> cannot change after create and of which one
/// per opportunity is primary; <c>Account.ParentId</c> links an account to its parent account).
/// <list type="bullet">
/// <item><c>POST /services/data/vXX.X/sobjects/{sObject}/</c>: 201 with <c>{"id", "success": true, "errors": []}</c> (18-character id).</item>
/// <item><c>GET /services/data/vXX.X/sobjects/{sObject}/</c>: the object's basic information and recent items.</item>
/// <item><c>GET …/sobjects/{sObject}/{id}</c>: the record with <c>attributes</c> (<c>type</c>, <c>url</c>), every field and the system fields; <c>?fields=A,B</c> selects fields.</item>
/// <item><c>PATCH …/sobjects/{sObject}/{id}</c> and <c>DELETE</c>: 204 No Content, no body.</item>
/// </list>
/// Errors, as a top-level array: a body that is not JSON or is empty is <c>JSON_PARSER_ERROR</c>;
/// an <c>Id</c> in the body is <c>INVALID_FIELD</c> ("The Id field should not be specified in the
/// sobject data."), as is an unknown field ("No such column … on sobject of type …"); a read-only
/// field is <c>INVALID_FIELD_FOR_INSERT_UPDATE</c>; a missing required field is
/// <c>REQUIRED_FIELD_MISSING</c> ("Required fields are missing: [LastName]", with <c>fields</c>);
/// a bad e-mail address is <c>INVALID_EMAIL_ADDRESS</c>; a reference that is not an id is
/// <c>MALFORMED_ID</c>, an id of another object is <c>FIELD_INTEGRITY_EXCEPTION</c> ("Account ID:
/// id value of incorrect type: …"), an id of no record is <c>INVALID_CROSS_REFERENCE_KEY</c>; a
/// record id of another object in the URL is 400 <c>MALFORMED_ID</c>, a record that does not exist
/// is 404 <c>NOT_FOUND</c>, and a URL segment that is no id at all is 404 <c>NOT_FOUND</c>
/// ("Provided external ID field does not exist or is not accessible: …"). A loop in the account
/// hierarchy is refused with <c>CIRCULAR_DEPENDENCY</c>. Custom fields (names ending in
/// <c>__c</c>) are accepted as they come, since every org defines its own. API versions 20.0 to
/// 66.0 are served; other versions are <c>NOT_FOUND</c>. Only JSON bodies are emulated (415 for
/// any other content type).
/// </remarks>
public sealed partial class SalesforceSObjectsEmulator
{
    private const string CollectionPattern = "/services/data/{version}/sobjects/{sobject}";
    private const string RowPattern = "/services/data/{version}/sobjects/{sobject}/{id}";
    private static readonly string[] AllMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    private readonly SalesforceEmulator _api;
    private readonly TimeProvider _time;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly Dictionary<string, SalesforceRecord> _byId15 = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    internal SalesforceSObjectsEmulator(SalesforceEmulator api, TimeProvider time, SandboxRandom random)
    {
        _api = api;
        _time = time;
        _random = random;
        UserId = SalesforceIds.To18(SalesforceSchema.UserKeyPrefix + "Hs0" + random.NextId("", 9));
    }

    /// <summary>The id of the user the access token belongs to: the default owner, creator and modifier of records.</summary>
    public string UserId { get; }

    /// <summary>Every record, in creation order.</summary>
    public IReadOnlyList<SalesforceRecord> Records
    {
        get
        {
            lock (_gate) return _order.Select(id => _byId15[id]).ToArray();
        }
    }

    /// <summary>The records of one sObject type (e.g. <c>Contact</c>), in creation order.</summary>
    public IReadOnlyList<SalesforceRecord> RecordsOf(string sobjectType)
        => Records.Where(r => string.Equals(r.SObjectType, sobjectType, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The record with this 15- or 18-character id, or null.</summary>
    public SalesforceRecord? Find(string id)
    {
        if (!SalesforceIds.TryNormalize(id, out var id15)) return null;
        lock (_gate) return _byId15.GetValueOrDefault(id15);
    }

    /// <summary>
    /// Adds a record directly (no HTTP call, not counted against the API allocation), checked as
    /// a REST create would check it: e.g. <c>Insert("Account", new Dictionary&lt;string, object?&gt; { ["Name"] = "Acme" })</c>.
    /// Values may be strings, booleans, numbers, <see cref="DateOnly"/> or null.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not emulated, or Salesforce would refuse the record (the message carries its errors).</exception>
    public SalesforceRecord Insert(string sobjectType, IReadOnlyDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(sobjectType);
        ArgumentNullException.ThrowIfNull(fields);
        var type = SalesforceSchema.Find(sobjectType) ?? throw new ArgumentException($"The sandbox does not emulate the sObject '{sobjectType}'.", nameof(sobjectType));
        var json = JsonResponse.Build(fields, static (w, f) =>
        {
            w.WriteStartObject();
            foreach (var (name, value) in f)
            {
                w.WritePropertyName(name);
                switch (value)
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case int i: w.WriteNumberValue(i); break;
                    case long l: w.WriteNumberValue(l); break;
                    case decimal m: w.WriteNumberValue(m); break;
                    case double d: w.WriteNumberValue(d); break;
                    default: throw new ArgumentException($"Field '{name}' has a value of type {value.GetType().Name}; use a string, bool, number, DateOnly or null.", nameof(fields));
                }
            }
            w.WriteEndObject();
        });
        using var document = JsonDocument.Parse(json);
        var errors = Create(type, document.RootElement, out var record);
        if (errors is not null)
        {
            throw new ArgumentException($"Salesforce would refuse this {type.Name}: " + string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.Message}")), nameof(fields));
        }
        return record!;
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods(CollectionPattern, AllMethods, CollectionAsync);
        routes.MapMethods(RowPattern, AllMethods, RowAsync);
        MapQuery(routes);
    }

    private async Task CollectionAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        if (ResolveType(context) is not { } type)
        {
            await SalesforceEmulator.WriteNotFoundResourceAsync(context).ConfigureAwait(false);
            return;
        }

        switch (context.Request.Method)
        {
            case "POST":
                await CreateAsync(context, type).ConfigureAwait(false);
                return;
            case "GET":
            case "HEAD":
                await WriteBasicInformationAsync(context, type).ConfigureAwait(false);
                return;
            default:
                await MethodNotAllowedAsync(context, "HEAD,GET,POST").ConfigureAwait(false);
                return;
        }
    }

    private async Task RowAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        if (ResolveType(context) is not { } type)
        {
            await SalesforceEmulator.WriteNotFoundResourceAsync(context).ConfigureAwait(false);
            return;
        }
        var method = context.Request.Method;
        if (method is not ("GET" or "HEAD" or "PATCH" or "DELETE"))
        {
            await MethodNotAllowedAsync(context, "HEAD,GET,PATCH,DELETE").ConfigureAwait(false);
            return;
        }

        var rawId = (string?)context.Request.RouteValues["id"] ?? "";
        if (!SalesforceIds.TryNormalize(rawId, out var id15))
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status404NotFound,
                new SalesforceError($"Provided external ID field does not exist or is not accessible: {rawId}", "NOT_FOUND")).ConfigureAwait(false);
            return;
        }
        if (!string.Equals(SalesforceIds.KeyPrefixOf(id15), type.KeyPrefix, StringComparison.Ordinal))
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest,
                new SalesforceError($"{type.Label} ID: id value of incorrect type: {rawId}", "MALFORMED_ID", ["Id"])).ConfigureAwait(false);
            return;
        }
        SalesforceRecord? record;
        lock (_gate) record = _byId15.GetValueOrDefault(id15);
        if (record is null)
        {
            await SalesforceEmulator.WriteNotFoundResourceAsync(context).ConfigureAwait(false);
            return;
        }

        switch (method)
        {
            case "PATCH":
                await UpdateAsync(context, type, id15).ConfigureAwait(false);
                return;
            case "DELETE":
                lock (_gate)
                {
                    _byId15.Remove(id15);
                    _order.Remove(id15);
                }
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            default:
                await GetAsync(context, type, record).ConfigureAwait(false);
                return;
        }
    }

    private async Task CreateAsync(HttpContext context, SalesforceSObjectType type)
    {
        using var document = await ReadBodyAsync(context).ConfigureAwait(false);
        if (document is null) return;

        var errors = Create(type, document.RootElement, out var record);
        if (errors is not null)
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, SalesforceEmulator.JsonContentType, record!.Id, static (w, id) =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteBoolean("success", true);
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, SalesforceSObjectType type, string id15)
    {
        using var document = await ReadBodyAsync(context).ConfigureAwait(false);
        if (document is null) return;

        SalesforceError[]? errors;
        lock (_gate)
        {
            var existing = _byId15[id15];
            errors = SalesforceFieldValidator.Read(type, document.RootElement, existing, FindLocked, UserId, out var values)
                ?? CheckHierarchy(type, id15, values);
            if (errors is null)
            {
                var merged = new Dictionary<string, object?>(existing.Fields, StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in values) merged[name] = value;
                var updated = new SalesforceRecord(type.Name, existing.Id, merged, existing.CreatedDate, _time.GetUtcNow());
                _byId15[id15] = updated;
                if (type == SalesforceSchema.OpportunityContactRole && values.TryGetValue("IsPrimary", out var primary) && primary is true)
                {
                    ClearOtherPrimaryRoles(updated);
                }
            }
        }
        if (errors is not null)
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task GetAsync(HttpContext context, SalesforceSObjectType type, SalesforceRecord record)
    {
        IReadOnlyList<string>? selected = null;
        if (context.Request.Query.TryGetValue("fields", out var fieldsParameter))
        {
            var names = fieldsParameter.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var resolved = new List<string>();
            foreach (var name in names)
            {
                var canonical = CanonicalFieldName(type, record, name);
                if (canonical is null)
                {
                    await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest,
                        new SalesforceError($"No such column '{name}' on sobject of type {type.Name}", "INVALID_FIELD")).ConfigureAwait(false);
                    return;
                }
                resolved.Add(canonical);
            }
            selected = resolved;
        }

        var version = (string)context.Request.RouteValues["version"]!;
        var body = JsonResponse.Build((type, record, selected, version, userId: UserId), static (w, s) =>
        {
            w.WriteStartObject();
            WriteAttributes(w, s.type.Name, s.version, s.record.Id);
            var names = s.selected ?? AllFieldNames(s.type, s.record);
            foreach (var name in names)
            {
                w.WritePropertyName(name);
                WriteValue(w, FieldValue(s.type, s.record, name, s.userId));
            }
            w.WriteEndObject();
        });
        await JsonResponse.WriteBytesAsync(context, StatusCodes.Status200OK, SalesforceEmulator.JsonContentType, body).ConfigureAwait(false);
    }

    private Task WriteBasicInformationAsync(HttpContext context, SalesforceSObjectType type)
    {
        var version = (string)context.Request.RouteValues["version"]!;
        var recent = RecordsOf(type.Name).Reverse().Take(10).ToArray();
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, SalesforceEmulator.JsonContentType, (type, version, recent), static (w, s) =>
        {
            var root = $"/services/data/{s.version}/sobjects/{s.type.Name}";
            w.WriteStartObject();
            w.WriteStartObject("objectDescribe");
            w.WriteString("name", s.type.Name);
            w.WriteString("label", s.type.Label);
            w.WriteString("labelPlural", s.type.LabelPlural);
            w.WriteString("keyPrefix", s.type.KeyPrefix);
            w.WriteBoolean("createable", true);
            w.WriteBoolean("updateable", true);
            w.WriteBoolean("deletable", true);
            w.WriteBoolean("queryable", true);
            w.WriteBoolean("custom", false);
            w.WriteStartObject("urls");
            w.WriteString("sobject", root);
            w.WriteString("describe", root + "/describe");
            w.WriteString("rowTemplate", root + "/{ID}");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("recentItems");
            foreach (var record in s.recent)
            {
                w.WriteStartObject();
                WriteAttributes(w, s.type.Name, s.version, record.Id);
                w.WriteString("Id", record.Id);
                if (s.type.HasComputedName || s.type.TryGetField("Name", out _))
                {
                    w.WritePropertyName("Name");
                    WriteValue(w, FieldValue(s.type, record, "Name", ""));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private SalesforceError[]? Create(SalesforceSObjectType type, JsonElement body, out SalesforceRecord? record)
    {
        record = null;
        lock (_gate)
        {
            var errors = SalesforceFieldValidator.Read(type, body, existing: null, FindLocked, UserId, out var values);
            if (errors is not null) return errors;

            ApplyDefaults(type, values);
            string id15;
            do
            {
                id15 = type.KeyPrefix + "Hs0" + _random.NextId("", 9);
            }
            while (_byId15.ContainsKey(id15));
            var now = _time.GetUtcNow();
            record = new SalesforceRecord(type.Name, SalesforceIds.To18(id15), values, now, now);
            _byId15[id15] = record;
            _order.Add(id15);
            if (type == SalesforceSchema.OpportunityContactRole && values.TryGetValue("IsPrimary", out var primary) && primary is true)
            {
                ClearOtherPrimaryRoles(record);
            }
            return null;
        }
    }

    private void ApplyDefaults(SalesforceSObjectType type, Dictionary<string, object?> values)
    {
        if (type.TryGetField("OwnerId", out _) && !values.ContainsKey("OwnerId")) values["OwnerId"] = UserId;
        foreach (var field in type.Fields)
        {
            if (field.Type == SalesforceFieldType.Boolean && !values.ContainsKey(field.Name)) values[field.Name] = false;
        }
        if (type == SalesforceSchema.Lead && !values.ContainsKey("Status")) values["Status"] = "Open - Not Contacted";
    }

    // A parent account may not be the account itself or one of its descendants.
    private SalesforceError[]? CheckHierarchy(SalesforceSObjectType type, string id15, Dictionary<string, object?> values)
    {
        if (type != SalesforceSchema.Account || !values.TryGetValue("ParentId", out var parent) || parent is not string parentId) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = parentId; current is not null && SalesforceIds.TryNormalize(current, out var current15) && seen.Add(current15);)
        {
            if (current15 == id15)
            {
                return [new SalesforceError("Parent Account ID: an account can't be its own parent or the parent of one of its parents", "CIRCULAR_DEPENDENCY", ["ParentId"])];
            }
            current = _byId15.GetValueOrDefault(current15)?["ParentId"];
        }
        return null;
    }

    private void ClearOtherPrimaryRoles(SalesforceRecord primary)
    {
        var opportunityId = primary["OpportunityId"];
        foreach (var id15 in _order)
        {
            var other = _byId15[id15];
            if (other.SObjectType != SalesforceSchema.OpportunityContactRole.Name || other.Id == primary.Id) continue;
            if (other["OpportunityId"] != opportunityId || other.Fields.GetValueOrDefault("IsPrimary") is not true) continue;
            var fields = new Dictionary<string, object?>(other.Fields, StringComparer.OrdinalIgnoreCase) { ["IsPrimary"] = false };
            _byId15[id15] = new SalesforceRecord(other.SObjectType, other.Id, fields, other.CreatedDate, _time.GetUtcNow());
        }
    }

    private SalesforceRecord? FindLocked(string id15) => _byId15.GetValueOrDefault(id15);

    private static SalesforceSObjectType? ResolveType(HttpContext context)
    {
        var version = (string?)context.Request.RouteValues["version"] ?? "";
        var match = VersionPattern().Match(version);
        if (!match.Success) return null;
        var number = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number is < 20 or > 66) return null;
        return SalesforceSchema.Find((string?)context.Request.RouteValues["sobject"] ?? "");
    }

    /// <summary>Reads a JSON object body, or writes the error and returns null.</summary>
    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        var mediaType = contentType?.Split(';')[0].Trim();
        if (mediaType is not null && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status415UnsupportedMediaType,
                new SalesforceError($"Content type '{mediaType}' not supported for this resource; send application/json", "UNSUPPORTED_MEDIA_TYPE")).ConfigureAwait(false);
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        var stream = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await stream.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
            if (read == 0) break;
            buffer.Advance(read);
        }
        if (buffer.WrittenCount == 0 || buffer.WrittenSpan.Trim(" \t\r\n"u8).IsEmpty)
        {
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest,
                new SalesforceError("The HTTP entity body is required, but this request has no entity body.", "JSON_PARSER_ERROR")).ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory.ToArray());
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest,
                new SalesforceError($"Unexpected character in the JSON body at [line:{line}, column:{column}]", "JSON_PARSER_ERROR")).ConfigureAwait(false);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var token = document.RootElement.ValueKind == JsonValueKind.Array ? "START_ARRAY value [" : "a scalar value";
            document.Dispose();
            await SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status400BadRequest,
                new SalesforceError($"Cannot deserialize instance of sObject from {token} or request may be missing a required field at [line:1, column:1]", "JSON_PARSER_ERROR")).ConfigureAwait(false);
            return null;
        }
        return document;
    }

    private static Task MethodNotAllowedAsync(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return SalesforceEmulator.WriteErrorsAsync(context, StatusCodes.Status405MethodNotAllowed,
            new SalesforceError($"HTTP Method '{context.Request.Method}' not allowed. Allowed are {allowed}", "METHOD_NOT_ALLOWED"));
    }

    private static void WriteAttributes(Utf8JsonWriter w, string type, string version, string id)
    {
        w.WriteStartObject("attributes");
        w.WriteString("type", type);
        w.WriteString("url", $"/services/data/{version}/sobjects/{type}/{id}");
        w.WriteEndObject();
    }

    private static IEnumerable<string> AllFieldNames(SalesforceSObjectType type, SalesforceRecord record)
    {
        yield return "Id";
        foreach (var field in type.Fields) yield return field.Name;
        if (type.HasComputedName) yield return "Name";
        foreach (var name in record.Fields.Keys.Where(k => !type.TryGetField(k, out _)).Order(StringComparer.Ordinal)) yield return name;
        foreach (var name in SalesforceSchema.SystemFields.Skip(1)) yield return name;
    }

    private static string? CanonicalFieldName(SalesforceSObjectType type, SalesforceRecord record, string name)
    {
        if (type.TryGetField(name, out var field)) return field.Name;
        var system = SalesforceSchema.SystemFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
        if (system is not null) return system;
        if (type.HasComputedName && string.Equals(name, "Name", StringComparison.OrdinalIgnoreCase)) return "Name";
        if (name.EndsWith("__c", StringComparison.OrdinalIgnoreCase))
        {
            return record.Fields.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
        }
        return null;
    }

    private static object? FieldValue(SalesforceSObjectType type, SalesforceRecord record, string name, string userId)
    {
        switch (name)
        {
            case "Id": return record.Id;
            case "IsDeleted": return false;
            case "CreatedDate": return FormatDateTime(record.CreatedDate);
            case "LastModifiedDate":
            case "SystemModstamp": return FormatDateTime(record.LastModifiedDate);
            case "CreatedById":
            case "LastModifiedById": return userId;
            case "Name" when type.HasComputedName:
                var parts = new[] { record["FirstName"], record["LastName"] }.Where(p => !string.IsNullOrEmpty(p));
                var joined = string.Join(" ", parts);
                return joined.Length == 0 ? null : joined;
        }
        return record.Fields.GetValueOrDefault(name);
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case decimal m: w.WriteNumberValue(m); break;
            case long l: w.WriteNumberValue(l); break;
            case JsonElement e: e.WriteTo(w); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Salesforce's date-time format: <c>2025-03-14T09:26:53.589+0000</c>.</summary>
    internal static string FormatDateTime(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^v([0-9]{2})\\.0$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
