using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's CRM contacts API (v3), in memory.
/// </summary>
/// <remarks>
/// Follows HubSpot's public documentation "CRM API | Contacts" (guide) and the API reference
/// page "Create a contact": <c>POST /crm/v3/objects/contacts</c> takes
/// <c>{"properties": {…}, "associations": [{"to": {"id"}, "types": [{"associationCategory", "associationTypeId"}]}]}</c>
/// and answers <c>201 Created</c> with <c>{id, properties, createdAt, updatedAt, archived}</c>,
/// where <c>properties</c> echoes the values set plus HubSpot's own <c>createdate</c>,
/// <c>lastmodifieddate</c> and <c>hs_object_id</c>, all as strings (a <c>createdate</c> given as an
/// ISO 8601 timestamp or epoch milliseconds is kept, in HubSpot's format); e-mail is the unique key, so a
/// second contact with the same address is <c>409 Conflict</c> ("Contact already exists. Existing
/// ID: …"). <c>GET /crm/v3/objects/contacts/{contactId}</c> returns the default properties
/// (<c>createdate</c>, <c>email</c>, <c>firstname</c>, <c>hs_object_id</c>,
/// <c>lastmodifieddate</c>, <c>lastname</c>) plus those named in <c>?properties=</c>. Errors use
/// the body of "API error responses" with the categories <c>VALIDATION_ERROR</c>,
/// <c>CONFLICT</c> and <c>OBJECT_NOT_FOUND</c>.
/// <c>GET /crm/v3/objects/contacts</c> ("List contacts") pages through the records in id order:
/// <c>limit</c> records a page (default 10, at most 100; anything else is a
/// <c>VALIDATION_ERROR</c>), from the cursor <c>after</c>, each record with the default properties
/// plus those named in <c>properties</c>; the answer is <c>{results, paging}</c>, where
/// <c>paging.next</c> (<c>{after, link}</c>) is there only when more records follow. The body is
/// written record by record (see <see cref="ListRecordWritten"/>).
/// </remarks>
public sealed class HubSpotContactsEmulator
{
    private const string CollectionPath = "/crm/v3/objects/contacts";
    private static readonly string[] DefaultProperties = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];
    private static readonly HashSet<string> AssociationCategories = new(StringComparer.Ordinal) { "HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED" };

    private readonly HubSpotEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<HubSpotContact> _records = new();
    private long _nextId = 1001;

    internal HubSpotContactsEmulator(HubSpotEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>
    /// Called by the list endpoint after each record of a page is written and flushed to the
    /// client (with the record's index in the page and the request's abort token): a test can
    /// hold the rest of the page back until it has seen the first record arrive.
    /// </summary>
    public Func<int, CancellationToken, Task>? ListRecordWritten { get; set; }

    /// <summary>The contacts created so far, in creation order.</summary>
    public IReadOnlyList<HubSpotContact> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    /// <summary>
    /// Adds a contact directly (no HTTP call, not rate-limited), with HubSpot's own
    /// <c>createdate</c>, <c>lastmodifieddate</c> and <c>hs_object_id</c> set as a create sets them.
    /// </summary>
    /// <param name="properties">The property values, by internal name.</param>
    /// <returns>The stored contact.</returns>
    public HubSpotContact Insert(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_gate)
        {
            var id = (_nextId++).ToString(CultureInfo.InvariantCulture);
            var now = _time.GetUtcNow();
            var values = new Dictionary<string, string>(properties, StringComparer.Ordinal)
            {
                ["createdate"] = FormatTimestamp(now),
                ["lastmodifieddate"] = FormatTimestamp(now),
                ["hs_object_id"] = id,
            };
            var record = new HubSpotContact(id, values, Array.Empty<HubSpotAssociation>(), now, now);
            _records.Add(record);
            return record;
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CollectionPath, CreateAsync);
        routes.MapGet(CollectionPath, ListAsync);
        routes.MapGet(CollectionPath + "/{contactId}", GetAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;

        if (!IsJson(context.Request.ContentType))
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "VALIDATION_ERROR",
                $"Unsupported content type '{context.Request.ContentType}'; expected application/json.").ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                $"Invalid input JSON on line {line}, column {column}: {FirstSentence(ex.Message)}").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await InvalidInputAsync(context, $"Cannot build SimplePublicObjectInputForCreate from a JSON {Describe(root.ValueKind)}.").ConfigureAwait(false);
                return;
            }
            if (!root.TryGetProperty("properties", out var propertiesElement) || propertiesElement.ValueKind == JsonValueKind.Null)
            {
                await InvalidInputAsync(context, "Some required fields were not set: [properties]").ConfigureAwait(false);
                return;
            }
            if (propertiesElement.ValueKind != JsonValueKind.Object)
            {
                await InvalidInputAsync(context, $"properties must be a JSON object, not a {Describe(propertiesElement.ValueKind)}.").ConfigureAwait(false);
                return;
            }

            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in propertiesElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        properties[property.Name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Number:
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        properties[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        await InvalidPropertyAsync(context, property.Name, "INVALID_PROPERTY_VALUE",
                            $"Property \"{property.Name}\" takes a string, number or boolean, not a {Describe(property.Value.ValueKind)}").ConfigureAwait(false);
                        return;
                }
            }

            if (properties.TryGetValue("email", out var email) && email.Length > 0 && !LooksLikeEmail(email))
            {
                await InvalidPropertyAsync(context, "email", "INVALID_EMAIL", $"Email address {email} is invalid").ConfigureAwait(false);
                return;
            }

            DateTimeOffset? createdAt = null;
            if (properties.TryGetValue("createdate", out var createdate) && createdate.Length > 0)
            {
                if (!TryParseDateTime(createdate, out var parsed))
                {
                    await InvalidPropertyAsync(context, "createdate", "INVALID_DATETIME", $"{createdate} is not a valid datetime: use an ISO 8601 timestamp or milliseconds since the epoch").ConfigureAwait(false);
                    return;
                }
                createdAt = parsed;
            }

            var associations = new List<HubSpotAssociation>();
            if (root.TryGetProperty("associations", out var associationsElement) && associationsElement.ValueKind != JsonValueKind.Null)
            {
                var problem = ReadAssociations(associationsElement, associations);
                if (problem is not null)
                {
                    await InvalidInputAsync(context, problem).ConfigureAwait(false);
                    return;
                }
            }

            HubSpotContact created;
            string? existingId = null;
            lock (_gate)
            {
                if (email is { Length: > 0 })
                {
                    existingId = _records.FirstOrDefault(r => r.Properties.TryGetValue("email", out var e) && string.Equals(e, email, StringComparison.OrdinalIgnoreCase))?.Id;
                }
                if (existingId is null)
                {
                    var id = (_nextId++).ToString(CultureInfo.InvariantCulture);
                    var now = _time.GetUtcNow();
                    properties["createdate"] = FormatTimestamp(createdAt ?? now);
                    properties["lastmodifieddate"] = FormatTimestamp(now);
                    properties["hs_object_id"] = id;
                    created = new HubSpotContact(id, new Dictionary<string, string>(properties, StringComparer.Ordinal), associations, createdAt ?? now, now);
                    _records.Add(created);
                }
                else
                {
                    created = null!;
                }
            }

            if (existingId is not null)
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status409Conflict, "CONFLICT", $"Contact already exists. Existing ID: {existingId}").ConfigureAwait(false);
                return;
            }

            await WriteRecordAsync(context, StatusCodes.Status201Created, created, properties.Keys).ConfigureAwait(false);
        }
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;

        var id = (string?)context.Request.RouteValues["contactId"] ?? "";
        HubSpotContact? record;
        lock (_gate) record = _records.FirstOrDefault(r => r.Id == id);
        if (record is null)
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.",
                w =>
                {
                    w.WriteStartObject("context");
                    w.WriteStartArray("id");
                    w.WriteStringValue(id);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }).ConfigureAwait(false);
            return;
        }

        var names = new SortedSet<string>(DefaultProperties, StringComparer.Ordinal);
        foreach (var requested in context.Request.Query["properties"])
        {
            foreach (var name in (requested ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(name);
            }
        }
        await WriteRecordAsync(context, StatusCodes.Status200OK, record, names).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;

        var query = context.Request.Query;
        var limit = 10;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 100)
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                    $"limit must be a whole number between 1 and 100, not '{limitText}'.").ConfigureAwait(false);
                return;
            }
        }
        long after = 0;
        if (query.TryGetValue("after", out var afterText) && afterText.ToString().Length > 0
            && !long.TryParse(afterText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                $"after must be the paging cursor of a previous page, not '{afterText}'.").ConfigureAwait(false);
            return;
        }

        var names = new SortedSet<string>(DefaultProperties, StringComparer.Ordinal);
        foreach (var requested in query["properties"])
        {
            foreach (var name in (requested ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(name);
            }
        }

        List<HubSpotContact> page;
        bool more;
        lock (_gate)
        {
            var following = _records.Where(r => long.Parse(r.Id, CultureInfo.InvariantCulture) > after)
                .OrderBy(r => long.Parse(r.Id, CultureInfo.InvariantCulture)).ToList();
            page = following.Take(limit).ToList();
            more = following.Count > limit;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = HubSpotEmulator.JsonContentType;
        var body = context.Response.Body;
        var aborted = context.RequestAborted;
        await using var w = new Utf8JsonWriter(body);
        w.WriteStartObject();
        w.WriteStartArray("results");
        for (var i = 0; i < page.Count; i++)
        {
            WriteRecord(w, page[i], names);
            await w.FlushAsync(aborted).ConfigureAwait(false);
            await body.FlushAsync(aborted).ConfigureAwait(false);
            if (ListRecordWritten is { } written) await written(i, aborted).ConfigureAwait(false);
        }
        w.WriteEndArray();
        if (more)
        {
            var next = page[^1].Id;
            w.WriteStartObject("paging");
            w.WriteStartObject("next");
            w.WriteString("after", next);
            var request = context.Request;
            w.WriteString("link", $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?after={next}&limit={limit}");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        await w.FlushAsync(aborted).ConfigureAwait(false);
    }

    private static void WriteRecord(Utf8JsonWriter w, HubSpotContact record, IEnumerable<string> propertyNames)
    {
        w.WriteStartObject();
        w.WriteString("id", record.Id);
        w.WriteStartObject("properties");
        foreach (var name in propertyNames)
        {
            if (record.Properties.TryGetValue(name, out var value)) w.WriteString(name, value);
            else w.WriteNull(name);
        }
        w.WriteEndObject();
        w.WriteString("createdAt", FormatTimestamp(record.CreatedAt));
        w.WriteString("updatedAt", FormatTimestamp(record.UpdatedAt));
        w.WriteBoolean("archived", false);
        w.WriteEndObject();
    }

    private static Task WriteRecordAsync(HttpContext context, int statusCode, HubSpotContact record, IEnumerable<string> propertyNames)
        => JsonResponse.WriteAsync(context, statusCode, HubSpotEmulator.JsonContentType, (record, propertyNames), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("id", s.record.Id);
            w.WriteStartObject("properties");
            foreach (var name in s.propertyNames)
            {
                if (s.record.Properties.TryGetValue(name, out var value)) w.WriteString(name, value);
                else w.WriteNull(name);
            }
            w.WriteEndObject();
            w.WriteString("createdAt", FormatTimestamp(s.record.CreatedAt));
            w.WriteString("updatedAt", FormatTimestamp(s.record.UpdatedAt));
            w.WriteBoolean("archived", false);
            w.WriteEndObject();
        });

    private Task InvalidInputAsync(HttpContext context, string problem)
        => _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Invalid input JSON on line 1, column 1: " + problem);

    private Task InvalidPropertyAsync(HttpContext context, string propertyName, string code, string message)
    {
        var detail = JsonResponse.Build((propertyName, code, message), static (w, s) =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteBoolean("isValid", false);
            w.WriteString("message", s.message);
            w.WriteString("error", s.code);
            w.WriteString("name", s.propertyName);
            w.WriteEndObject();
            w.WriteEndArray();
        });
        return _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
            "Property values were not valid: " + System.Text.Encoding.UTF8.GetString(detail),
            w =>
            {
                w.WriteStartArray("errors");
                w.WriteStartObject();
                w.WriteString("message", message);
                w.WriteString("code", code);
                w.WriteStartObject("context");
                w.WriteStartArray("propertyName");
                w.WriteStringValue(propertyName);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
            });
    }

    private static string? ReadAssociations(JsonElement element, List<HubSpotAssociation> into)
    {
        if (element.ValueKind != JsonValueKind.Array) return $"associations must be a JSON array, not a {Describe(element.ValueKind)}.";
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"associations[{index}]";
            if (item.ValueKind != JsonValueKind.Object) return $"{at} must be a JSON object.";
            if (!item.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Object
                || !to.TryGetProperty("id", out var toId) || toId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)
                || (toId.ValueKind == JsonValueKind.String && toId.GetString()!.Length == 0))
            {
                return $"Some required fields were not set: [{at}.to.id]";
            }
            if (!item.TryGetProperty("types", out var types) || types.ValueKind != JsonValueKind.Array || types.GetArrayLength() == 0)
            {
                return $"Some required fields were not set: [{at}.types]";
            }
            var read = new List<HubSpotAssociationType>();
            var typeIndex = 0;
            foreach (var type in types.EnumerateArray())
            {
                var typeAt = $"{at}.types[{typeIndex}]";
                if (type.ValueKind != JsonValueKind.Object
                    || !type.TryGetProperty("associationCategory", out var category) || category.ValueKind != JsonValueKind.String
                    || !type.TryGetProperty("associationTypeId", out var typeId) || !typeId.TryGetInt32(out var typeIdValue))
                {
                    return $"Some required fields were not set: [{typeAt}.associationCategory, {typeAt}.associationTypeId]";
                }
                if (!AssociationCategories.Contains(category.GetString()!))
                {
                    return $"{typeAt}.associationCategory: '{category.GetString()}' is not one of [HUBSPOT_DEFINED, USER_DEFINED, INTEGRATOR_DEFINED]";
                }
                read.Add(new HubSpotAssociationType(category.GetString()!, typeIdValue));
                typeIndex++;
            }
            into.Add(new HubSpotAssociation(toId.ValueKind == JsonValueKind.String ? toId.GetString()! : toId.GetRawText(), read));
            index++;
        }
        return null;
    }

    private static bool TryParseDateTime(string value, out DateTimeOffset parsed)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            parsed = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed)
            && (value.Contains('T') || value.Length == 10);
    }

    internal static string FormatTimestamp(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool IsJson(string? contentType)
        => contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        var domain = value.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !value.Any(char.IsWhiteSpace);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
