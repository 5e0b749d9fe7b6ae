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
/// HubSpot's CRM pipelines API (v3) for deals and tickets, in memory.
/// </summary>
/// <remarks>
/// Follows "CRM API | Pipelines" (guide) and the reference pages "Create a pipeline" and
/// "Create a pipeline stage": <c>POST /crm/v3/pipelines/{objectType}</c> takes
/// <c>{label, displayOrder, stages: [{label, displayOrder, metadata}]}</c>, all required, and
/// answers <c>201 Created</c> with the pipeline <c>{id, label, displayOrder, stages, createdAt,
/// updatedAt, archived}</c>, each stage <c>{id, label, displayOrder, metadata, createdAt,
/// updatedAt, archived, writePermissions}</c>. A pipeline has at least one stage; stage labels are
/// unique within a pipeline. Deal stages need <c>metadata.probability</c> between 0.0 and 1.0
/// (0.0 closed lost, 1.0 closed won); ticket stages may carry <c>ticketState</c>
/// (<c>OPEN</c> or <c>CLOSED</c>). Metadata values come back as text (<c>{"isClosed": "false",
/// "probability": "0.2"}</c>); a deal stage without <c>isClosed</c> gets <c>"false"</c>. Every
/// account has the default deal pipeline (<c>default</c>, "Sales Pipeline", with the stages of the
/// "Deal Pipelines API" overview) and the default ticket pipeline (<c>0</c>, "Support Pipeline");
/// default pipelines report <c>createdAt</c> as the epoch. <c>GET /crm/v3/pipelines/{objectType}</c>
/// lists the pipelines as <c>{results: […]}</c>; <c>GET …/{pipelineId}</c> returns one or 404.
/// A second pipeline with the same label for an object type is a 409 conflict. Object types other
/// than deals and tickets (by name or id) are a 400.
/// </remarks>
public sealed class HubSpotPipelinesEmulator
{
    private static readonly string[] PipelineObjectTypes = [HubSpotObjectTypes.Deals, HubSpotObjectTypes.Tickets];

    private readonly HubSpotEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<HubSpotPipeline> _pipelines = new();
    private long _nextPipelineId = 75_310_001;
    private long _nextStageId = 120_340_001;

    internal HubSpotPipelinesEmulator(HubSpotEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
        _pipelines.Add(new HubSpotPipeline(HubSpotObjectTypes.Deals, "default", "Sales Pipeline", 0,
        [
            DealStage("appointmentscheduled", "Appointment Scheduled", 0, "0.2", false),
            DealStage("qualifiedtobuy", "Qualified To Buy", 1, "0.4", false),
            DealStage("presentationscheduled", "Presentation Scheduled", 2, "0.6", false),
            DealStage("decisionmakerboughtin", "Decision Maker Bought-In", 3, "0.8", false),
            DealStage("contractsent", "Contract Sent", 4, "0.9", false),
            DealStage("closedwon", "Closed Won", 5, "1.0", true),
            DealStage("closedlost", "Closed Lost", 6, "0.0", true),
        ], DateTimeOffset.UnixEpoch));
        _pipelines.Add(new HubSpotPipeline(HubSpotObjectTypes.Tickets, "0", "Support Pipeline", 0,
        [
            TicketStage("1", "New", 0, "OPEN"),
            TicketStage("2", "Waiting on contact", 1, "OPEN"),
            TicketStage("3", "Waiting on us", 2, "OPEN"),
            TicketStage("4", "Closed", 3, "CLOSED"),
        ], DateTimeOffset.UnixEpoch));
    }

    /// <summary>Every pipeline, the two default ones first, then those created, in creation order.</summary>
    public IReadOnlyList<HubSpotPipeline> Records
    {
        get
        {
            lock (_gate) return _pipelines.ToArray();
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/crm/v3/pipelines/{objectType}", CreateAsync);
        routes.MapGet("/crm/v3/pipelines/{objectType}", ListAsync);
        routes.MapGet("/crm/v3/pipelines/{objectType}/{pipelineId}", GetAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var objectType = await ResolveObjectTypeAsync(context).ConfigureAwait(false);
        if (objectType is null) return;

        using var document = await _api.ReadJsonObjectAsync(context, "PipelineInput").ConfigureAwait(false);
        if (document is null) return;
        var root = document.RootElement;

        var missing = new List<string>();
        if (!root.TryGetProperty("label", out var labelElement) || labelElement.ValueKind == JsonValueKind.Null) missing.Add("label");
        if (!root.TryGetProperty("displayOrder", out var orderElement) || orderElement.ValueKind == JsonValueKind.Null) missing.Add("displayOrder");
        if (!root.TryGetProperty("stages", out var stagesElement) || stagesElement.ValueKind == JsonValueKind.Null) missing.Add("stages");
        if (missing.Count > 0)
        {
            await _api.WriteInvalidInputAsync(context, "Some required fields were not set: [" + string.Join(", ", missing) + "]").ConfigureAwait(false);
            return;
        }
        if (labelElement.ValueKind != JsonValueKind.String || labelElement.GetString()!.Trim().Length == 0)
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "The pipeline label must be a non-empty string.").ConfigureAwait(false);
            return;
        }
        if (!orderElement.TryGetInt32(out var displayOrder))
        {
            await _api.WriteInvalidInputAsync(context, $"displayOrder must be an integer, not a {HubSpotEmulator.Describe(orderElement.ValueKind)}.").ConfigureAwait(false);
            return;
        }
        if (stagesElement.ValueKind != JsonValueKind.Array)
        {
            await _api.WriteInvalidInputAsync(context, $"stages must be a JSON array, not a {HubSpotEmulator.Describe(stagesElement.ValueKind)}.").ConfigureAwait(false);
            return;
        }
        if (stagesElement.GetArrayLength() == 0)
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "A pipeline must have at least one stage.").ConfigureAwait(false);
            return;
        }

        var stageInputs = new List<(string Label, int DisplayOrder, SortedDictionary<string, string> Metadata)>();
        var index = 0;
        foreach (var stage in stagesElement.EnumerateArray())
        {
            var (input, problem) = ReadStage(stage, index, objectType);
            if (problem is not null)
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", problem).ConfigureAwait(false);
                return;
            }
            if (stageInputs.Any(s => string.Equals(s.Label, input.Label, StringComparison.OrdinalIgnoreCase)))
            {
                await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                    $"Stage labels must be unique within a pipeline: '{input.Label}' is used more than once.").ConfigureAwait(false);
                return;
            }
            stageInputs.Add(input);
            index++;
        }

        var label = labelElement.GetString()!;
        HubSpotPipeline? created = null;
        lock (_gate)
        {
            if (!_pipelines.Any(p => p.ObjectType == objectType && string.Equals(p.Label, label, StringComparison.OrdinalIgnoreCase)))
            {
                var now = _time.GetUtcNow();
                var stages = stageInputs
                    .Select(s => new HubSpotPipelineStage((_nextStageId++).ToString(CultureInfo.InvariantCulture), s.Label, s.DisplayOrder, s.Metadata))
                    .ToArray();
                created = new HubSpotPipeline(objectType, (_nextPipelineId++).ToString(CultureInfo.InvariantCulture), label, displayOrder, stages, now);
                _pipelines.Add(created);
            }
        }

        if (created is null)
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status409Conflict, "CONFLICT",
                $"A {objectType} pipeline with the label '{label}' already exists.").ConfigureAwait(false);
            return;
        }
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, HubSpotEmulator.JsonContentType, created, WritePipeline).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var objectType = await ResolveObjectTypeAsync(context).ConfigureAwait(false);
        if (objectType is null) return;
        var pipelines = Records.Where(p => p.ObjectType == objectType).ToArray();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, HubSpotEmulator.JsonContentType, pipelines, static (w, list) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var pipeline in list) WritePipeline(w, pipeline);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var objectType = await ResolveObjectTypeAsync(context).ConfigureAwait(false);
        if (objectType is null) return;
        var id = (string?)context.Request.RouteValues["pipelineId"] ?? "";
        var pipeline = Records.FirstOrDefault(p => p.ObjectType == objectType && p.Id == id);
        if (pipeline is null)
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND", $"Unable to find pipeline {id} for {objectType}.").ConfigureAwait(false);
            return;
        }
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, HubSpotEmulator.JsonContentType, pipeline, WritePipeline).ConfigureAwait(false);
    }

    private async Task<string?> ResolveObjectTypeAsync(HttpContext context)
    {
        var name = (string?)context.Request.RouteValues["objectType"] ?? "";
        var objectType = HubSpotObjectTypes.Resolve(name);
        if (objectType is null)
        {
            await _api.WriteUnknownObjectTypeAsync(context, name).ConfigureAwait(false);
            return null;
        }
        if (!PipelineObjectTypes.Contains(objectType))
        {
            await _api.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                $"Object type {HubSpotObjectTypes.IdOf(objectType)} ({objectType}) does not support pipelines here; use deals or tickets.").ConfigureAwait(false);
            return null;
        }
        return objectType;
    }

    private static ((string Label, int DisplayOrder, SortedDictionary<string, string> Metadata) Input, string? Problem) ReadStage(JsonElement stage, int index, string objectType)
    {
        var at = $"stages[{index}]";
        if (stage.ValueKind != JsonValueKind.Object) return (default, $"Invalid input JSON on line 1, column 1: {at} must be a JSON object.");

        var missing = new List<string>();
        if (!stage.TryGetProperty("label", out var label) || label.ValueKind == JsonValueKind.Null) missing.Add(at + ".label");
        if (!stage.TryGetProperty("displayOrder", out var order) || order.ValueKind == JsonValueKind.Null) missing.Add(at + ".displayOrder");
        if (!stage.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null) missing.Add(at + ".metadata");
        if (missing.Count > 0) return (default, "Invalid input JSON on line 1, column 1: Some required fields were not set: [" + string.Join(", ", missing) + "]");

        if (label.ValueKind != JsonValueKind.String || label.GetString()!.Trim().Length == 0) return (default, $"{at}.label must be a non-empty string.");
        if (!order.TryGetInt32(out var displayOrder)) return (default, $"Invalid input JSON on line 1, column 1: {at}.displayOrder must be an integer.");
        if (metadata.ValueKind != JsonValueKind.Object) return (default, $"Invalid input JSON on line 1, column 1: {at}.metadata must be a JSON object.");

        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in metadata.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values[property.Name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values[property.Name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    return (default, $"{at}.metadata.{property.Name} must be a string, number or boolean.");
            }
        }

        if (objectType == HubSpotObjectTypes.Deals)
        {
            if (!values.TryGetValue("probability", out var probability))
            {
                return (default, $"{at}.metadata.probability is required for deal stages: a number between 0.0 and 1.0.");
            }
            if (!decimal.TryParse(probability, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0m || value > 1m)
            {
                return (default, $"{at}.metadata.probability must be a number between 0.0 and 1.0, not '{probability}'.");
            }
            if (values.TryGetValue("isClosed", out var isClosed) && isClosed is not ("true" or "false"))
            {
                return (default, $"{at}.metadata.isClosed must be true or false, not '{isClosed}'.");
            }
            values.TryAdd("isClosed", "false");
        }
        else if (values.TryGetValue("ticketState", out var ticketState) && ticketState is not ("OPEN" or "CLOSED"))
        {
            return (default, $"{at}.metadata.ticketState must be OPEN or CLOSED, not '{ticketState}'.");
        }

        return ((label.GetString()!, displayOrder, values), null);
    }

    private static void WritePipeline(System.Text.Json.Utf8JsonWriter w, HubSpotPipeline pipeline)
    {
        var created = HubSpotContactsEmulator.FormatTimestamp(pipeline.CreatedAt);
        w.WriteStartObject();
        w.WriteString("id", pipeline.Id);
        w.WriteString("label", pipeline.Label);
        w.WriteNumber("displayOrder", pipeline.DisplayOrder);
        w.WriteStartArray("stages");
        foreach (var stage in pipeline.Stages)
        {
            w.WriteStartObject();
            w.WriteString("id", stage.Id);
            w.WriteString("label", stage.Label);
            w.WriteNumber("displayOrder", stage.DisplayOrder);
            w.WriteStartObject("metadata");
            foreach (var entry in stage.Metadata) w.WriteString(entry.Key, entry.Value);
            w.WriteEndObject();
            w.WriteString("createdAt", created);
            w.WriteString("updatedAt", created);
            w.WriteBoolean("archived", false);
            w.WriteString("writePermissions", "CRM_PERMISSIONS_ENFORCEMENT");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("createdAt", created);
        w.WriteString("updatedAt", created);
        w.WriteBoolean("archived", false);
        w.WriteEndObject();
    }

    private static HubSpotPipelineStage DealStage(string id, string label, int order, string probability, bool closed)
        => new(id, label, order, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["isClosed"] = closed ? "true" : "false", ["probability"] = probability });

    private static HubSpotPipelineStage TicketStage(string id, string label, int order, string state)
        => new(id, label, order, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["ticketState"] = state });
}
