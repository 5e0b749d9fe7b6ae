using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's v4 associations API, in memory: default (unlabeled) associations between records.
/// </summary>
/// <remarks>
/// Follows "Associations v4" (guide, "Associate records without a label") and the reference page
/// "Create Default": <c>PUT /crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}</c>
/// takes no body; object types are given by name (<c>contacts</c>, <c>contact</c>) or id
/// (<c>0-1</c>). It answers 200 with the batch response <c>{status: "COMPLETE", results:
/// [{associationSpec: {associationCategory, associationTypeId}, from: {id}, to: {id}}],
/// startedAt, completedAt}</c>: the association asked for, then its inverse (an association
/// exists in both directions, each with its own HubSpot-defined type id). Associating twice is
/// not an error. An object type no path name resolves to is 400 ("Unable to infer object type
/// from: …"); a pair of object types without a HubSpot-defined default association (deals and
/// leads) is 400; a record id that does not exist is 404 <c>OBJECT_NOT_FOUND</c>.
/// </remarks>
public sealed class HubSpotAssociationsEmulator
{
    private const string Category = "HUBSPOT_DEFINED";

    private readonly HubSpotEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<HubSpotAssociationRecord> _records = new();

    internal HubSpotAssociationsEmulator(HubSpotEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>Every association made so far, one entry per direction, in creation order.</summary>
    public IReadOnlyList<HubSpotAssociationRecord> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
        => routes.MapPut("/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}", CreateDefaultAsync);

    private async Task CreateDefaultAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var started = _time.GetUtcNow();

        var values = context.Request.RouteValues;
        var fromName = (string?)values["fromObjectType"] ?? "";
        var toName = (string?)values["toObjectType"] ?? "";
        var fromId = (string?)values["fromObjectId"] ?? "";
        var toId = (string?)values["toObjectId"] ?? "";

        var from = HubSpotObjectTypes.Resolve(fromName);
        if (from is null)
        {
            await _api.WriteUnknownObjectTypeAsync(context, fromName).ConfigureAwait(false);
            return;
        }
        var to = HubSpotObjectTypes.Resolve(toName);
        if (to is null)
        {
            await _api.WriteUnknownObjectTypeAsync(context, toName).ConfigureAwait(false);
            return;
        }
        if (!HubSpotObjectTypes.TryGetDefaultAssociation(from, to, out var typeId)
            || !HubSpotObjectTypes.TryGetDefaultAssociation(to, from, out var inverseTypeId))
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                $"There is no default association type from {HubSpotObjectTypes.IdOf(from)} ({from}) to {HubSpotObjectTypes.IdOf(to)} ({to}).").ConfigureAwait(false);
            return;
        }
        if (!_api.RecordExists(from, fromId))
        {
            await _api.WriteObjectNotFoundAsync(context, from, fromId).ConfigureAwait(false);
            return;
        }
        if (!_api.RecordExists(to, toId))
        {
            await _api.WriteObjectNotFoundAsync(context, to, toId).ConfigureAwait(false);
            return;
        }

        var forward = new HubSpotAssociationRecord(from, fromId, to, toId, Category, typeId);
        var inverse = new HubSpotAssociationRecord(to, toId, from, fromId, Category, inverseTypeId);
        lock (_gate)
        {
            if (!_records.Contains(forward)) _records.Add(forward);
            if (!_records.Contains(inverse)) _records.Add(inverse);
        }

        var completed = _time.GetUtcNow();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, HubSpotEmulator.JsonContentType, (forward, inverse, started, completed), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("status", "COMPLETE");
            w.WriteStartArray("results");
            foreach (var record in new[] { s.forward, s.inverse })
            {
                w.WriteStartObject();
                w.WriteStartObject("associationSpec");
                w.WriteString("associationCategory", record.Category);
                w.WriteNumber("associationTypeId", record.TypeId);
                w.WriteEndObject();
                w.WriteStartObject("from");
                w.WriteString("id", record.FromId);
                w.WriteEndObject();
                w.WriteStartObject("to");
                w.WriteString("id", record.ToId);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("startedAt", HubSpotContactsEmulator.FormatTimestamp(s.started));
            w.WriteString("completedAt", HubSpotContactsEmulator.FormatTimestamp(s.completed));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }
}

/// <summary>One direction of an association between two records.</summary>
/// <param name="FromObjectType">The object type the association starts from (<c>contacts</c>, <c>companies</c>, <c>deals</c>, <c>leads</c>).</param>
/// <param name="FromId">The id of the record it starts from.</param>
/// <param name="ToObjectType">The object type of the associated record.</param>
/// <param name="ToId">The id of the associated record.</param>
/// <param name="Category">The association category (<c>HUBSPOT_DEFINED</c> for default associations).</param>
/// <param name="TypeId">The association type id (e.g. 279, contact to company).</param>
public sealed record HubSpotAssociationRecord(string FromObjectType, string FromId, string ToObjectType, string ToId, string Category, int TypeId);
