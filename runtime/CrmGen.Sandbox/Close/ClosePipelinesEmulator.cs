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
/// Close's Pipelines API, in memory.
/// </summary>
/// <remarks>
/// Follows Close's API reference "Pipelines" ("Create a Pipeline", "Fetch a single Pipeline",
/// "List Pipelines for your organization") and "Opportunity Statuses": a pipeline is a named,
/// ordered group of opportunity statuses, each of type <c>active</c>, <c>won</c> or <c>lost</c>.
/// <c>POST /api/v1/pipeline/</c> takes <c>{"name"}</c> and answers 200 with the pipeline:
/// <c>id</c> (<c>pipe_…</c>), <c>name</c>, <c>organization_id</c>, <c>statuses</c>
/// (<c>id</c> <c>stat_…</c>, <c>label</c>, <c>type</c>) and the ISO 8601 dates
/// <c>date_created</c> and <c>date_updated</c> with microseconds and a UTC offset
/// (<c>2024-05-01T12:00:00.123456+00:00</c>). A new pipeline starts with an Active, a Won and a
/// Lost status. Paths end with a slash, as documented.
/// </remarks>
public sealed class ClosePipelinesEmulator
{
    private const string CollectionPath = "/api/v1/pipeline/";

    private readonly CloseEmulator _api;
    private readonly TimeProvider _time;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly List<ClosePipeline> _records = new();

    internal ClosePipelinesEmulator(CloseEmulator api, TimeProvider time, SandboxRandom random)
    {
        _api = api;
        _time = time;
        _random = random;
    }

    /// <summary>The pipelines created so far, in creation order.</summary>
    public IReadOnlyList<ClosePipeline> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CollectionPath, CreateAsync);
        routes.MapGet(CollectionPath, ListAsync);
        routes.MapGet(CollectionPath + "{id}/", GetAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;

        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type: send JSON with Content-Type: application/json.").ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON in the request body.").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The request body must be a JSON object.").ConfigureAwait(false);
                return;
            }
            if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind == JsonValueKind.Null
                || (nameElement.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(nameElement.GetString())))
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "name", "This field is required.").ConfigureAwait(false);
                return;
            }
            if (nameElement.ValueKind != JsonValueKind.String)
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "name", "Not a valid string.").ConfigureAwait(false);
                return;
            }

            var now = _time.GetUtcNow();
            var statuses = new[]
            {
                new CloseOpportunityStatus(_random.NextId("stat_"), "Active", "active"),
                new CloseOpportunityStatus(_random.NextId("stat_"), "Won", "won"),
                new CloseOpportunityStatus(_random.NextId("stat_"), "Lost", "lost"),
            };
            var pipeline = new ClosePipeline(_random.NextId("pipe_"), nameElement.GetString()!, _api.OrganizationId, statuses, now);
            lock (_gate) _records.Add(pipeline);

            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, pipeline, WritePipeline).ConfigureAwait(false);
        }
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var id = (string?)context.Request.RouteValues["id"];
        ClosePipeline? pipeline;
        lock (_gate) pipeline = _records.FirstOrDefault(p => p.Id == id);
        if (pipeline is null)
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found").ConfigureAwait(false);
            return;
        }
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, pipeline, WritePipeline).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var pipelines = Records;
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, pipelines, static (w, list) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("has_more", false);
            w.WriteStartArray("data");
            foreach (var pipeline in list) WritePipeline(w, pipeline);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void WritePipeline(Utf8JsonWriter w, ClosePipeline pipeline)
    {
        w.WriteStartObject();
        w.WriteString("id", pipeline.Id);
        w.WriteString("name", pipeline.Name);
        w.WriteString("organization_id", pipeline.OrganizationId);
        w.WriteStartArray("statuses");
        foreach (var status in pipeline.Statuses)
        {
            w.WriteStartObject();
            w.WriteString("id", status.Id);
            w.WriteString("label", status.Label);
            w.WriteString("type", status.Type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("date_created", FormatDate(pipeline.DateCreated));
        w.WriteString("date_updated", FormatDate(pipeline.DateUpdated));
        w.WriteEndObject();
    }

    internal static string FormatDate(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
