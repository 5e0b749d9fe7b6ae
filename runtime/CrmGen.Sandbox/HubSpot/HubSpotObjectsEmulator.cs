using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's CRM companies, deals and leads APIs (v3), in memory: enough to have records to
/// associate.
/// </summary>
/// <remarks>
/// Follows "CRM API | Companies", "CRM API | Deals" and "CRM API | Leads":
/// <c>POST /crm/v3/objects/{companies|deals|leads}</c> takes <c>{"properties": {…}, "associations": […]}</c>
/// and answers <c>201 Created</c> with <c>{id, properties, createdAt, updatedAt, archived}</c>, the
/// properties echoing the values set plus those HubSpot sets (<c>createdate</c>,
/// <c>hs_lastmodifieddate</c>, <c>hs_object_id</c>; leads have <c>hs_createdate</c>). A lead must
/// have <c>hs_lead_name</c> and must be associated with an existing contact (the "lead to primary
/// contact" type 578); otherwise 400. <c>GET /crm/v3/objects/{type}/{id}</c> returns the record
/// or 404. <see cref="Seed"/> adds records without a request.
/// </remarks>
public sealed class HubSpotObjectsEmulator
{
    private const int LeadToPrimaryContact = 578;
    private static readonly string[] Types = [HubSpotObjectTypes.Companies, HubSpotObjectTypes.Deals, HubSpotObjectTypes.Leads];

    private readonly HubSpotEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<HubSpotObject> _records = new();
    private readonly Dictionary<string, long> _nextIds = new(StringComparer.Ordinal)
    {
        [HubSpotObjectTypes.Companies] = 2001,
        [HubSpotObjectTypes.Deals] = 3001,
        [HubSpotObjectTypes.Leads] = 4001,
    };

    internal HubSpotObjectsEmulator(HubSpotEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>The companies, deals and leads created so far, in creation order.</summary>
    public IReadOnlyList<HubSpotObject> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    /// <summary>
    /// Adds a record as if it had been created through the API (no request is recorded).
    /// </summary>
    /// <param name="objectType"><c>companies</c>, <c>deals</c> or <c>leads</c> (or a singular name or object type id).</param>
    /// <param name="properties">The property values.</param>
    /// <returns>The record, with its id.</returns>
    /// <exception cref="ArgumentException">The object type is not one of these.</exception>
    public HubSpotObject Seed(string objectType, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(properties);
        var canonical = HubSpotObjectTypes.Resolve(objectType);
        if (canonical is null || !Types.Contains(canonical))
        {
            throw new ArgumentException($"The HubSpot emulator seeds companies, deals and leads, not '{objectType}' (contacts are created through the contacts API).", nameof(objectType));
        }
        return Add(canonical, new SortedDictionary<string, string>(properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), []);
    }

    internal HubSpotObject? Find(string objectType, string id)
    {
        lock (_gate) return _records.FirstOrDefault(r => r.ObjectType == objectType && r.Id == id);
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        foreach (var type in Types)
        {
            var objectType = type;
            routes.MapPost("/crm/v3/objects/" + objectType, context => CreateAsync(context, objectType));
            routes.MapGet("/crm/v3/objects/" + objectType + "/{objectId}", context => GetAsync(context, objectType));
        }
    }

    private async Task CreateAsync(HttpContext context, string objectType)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await _api.ReadJsonObjectAsync(context, "SimplePublicObjectInputForCreate").ConfigureAwait(false);
        if (document is null) return;

        var root = document.RootElement;
        if (!root.TryGetProperty("properties", out var propertiesElement) || propertiesElement.ValueKind != JsonValueKind.Object)
        {
            await _api.WriteInvalidInputAsync(context, "Some required fields were not set: [properties]").ConfigureAwait(false);
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
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    properties[property.Name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    await _api.WriteInvalidInputAsync(context, $"Property \"{property.Name}\" takes a string, number or boolean, not a {HubSpotEmulator.Describe(property.Value.ValueKind)}").ConfigureAwait(false);
                    return;
            }
        }

        var associations = new List<HubSpotAssociation>();
        if (root.TryGetProperty("associations", out var associationsElement) && associationsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in associationsElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Object
                    || !to.TryGetProperty("id", out var toId) || toId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)
                    || !item.TryGetProperty("types", out var types) || types.ValueKind != JsonValueKind.Array)
                {
                    await _api.WriteInvalidInputAsync(context, "Some required fields were not set: [associations[].to.id, associations[].types]").ConfigureAwait(false);
                    return;
                }
                var read = new List<HubSpotAssociationType>();
                foreach (var type in types.EnumerateArray())
                {
                    if (type.ValueKind == JsonValueKind.Object
                        && type.TryGetProperty("associationCategory", out var category) && category.ValueKind == JsonValueKind.String
                        && type.TryGetProperty("associationTypeId", out var typeId) && typeId.TryGetInt32(out var typeIdValue))
                    {
                        read.Add(new HubSpotAssociationType(category.GetString()!, typeIdValue));
                    }
                }
                associations.Add(new HubSpotAssociation(toId.ValueKind == JsonValueKind.String ? toId.GetString()! : toId.GetRawText(), read));
            }
        }

        if (objectType == HubSpotObjectTypes.Leads)
        {
            if (!properties.TryGetValue("hs_lead_name", out var leadName) || leadName.Length == 0)
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "A lead needs a name: set the hs_lead_name property.").ConfigureAwait(false);
                return;
            }
            var primary = associations.FirstOrDefault(a => a.Types.Any(t => t.TypeId == LeadToPrimaryContact));
            if (primary is null || !_api.RecordExists(HubSpotObjectTypes.Contacts, primary.ToId))
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                    "A lead must be associated with an existing contact (association type 578, lead to primary contact).").ConfigureAwait(false);
                return;
            }
        }

        var created = Add(objectType, properties, associations);
        await WriteRecordAsync(context, StatusCodes.Status201Created, created).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context, string objectType)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var id = (string?)context.Request.RouteValues["objectId"] ?? "";
        var record = Find(objectType, id);
        if (record is null)
        {
            await _api.WriteObjectNotFoundAsync(context, objectType, id).ConfigureAwait(false);
            return;
        }
        await WriteRecordAsync(context, StatusCodes.Status200OK, record).ConfigureAwait(false);
    }

    private HubSpotObject Add(string objectType, SortedDictionary<string, string> properties, IReadOnlyList<HubSpotAssociation> associations)
    {
        var now = _time.GetUtcNow();
        var timestamp = HubSpotContactsEmulator.FormatTimestamp(now);
        lock (_gate)
        {
            var id = _nextIds[objectType]++.ToString(CultureInfo.InvariantCulture);
            properties[objectType == HubSpotObjectTypes.Leads ? "hs_createdate" : "createdate"] = timestamp;
            properties["hs_lastmodifieddate"] = timestamp;
            properties["hs_object_id"] = id;
            var record = new HubSpotObject(objectType, id, new Dictionary<string, string>(properties, StringComparer.Ordinal), associations, now);
            _records.Add(record);
            return record;
        }
    }

    private static Task WriteRecordAsync(HttpContext context, int statusCode, HubSpotObject record)
        => JsonResponse.WriteAsync(context, statusCode, HubSpotEmulator.JsonContentType, record, static (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteStartObject("properties");
            foreach (var property in r.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(property.Key, property.Value);
            }
            w.WriteEndObject();
            w.WriteString("createdAt", HubSpotContactsEmulator.FormatTimestamp(r.CreatedAt));
            w.WriteString("updatedAt", HubSpotContactsEmulator.FormatTimestamp(r.CreatedAt));
            w.WriteBoolean("archived", false);
            w.WriteEndObject();
        });
}
