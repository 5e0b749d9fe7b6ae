using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Pipedrive's Pipelines API (v1), in memory.
/// </summary>
/// <remarks>
/// Follows the API reference "Pipelines" ("Add a new pipeline", "Get one pipeline") and
/// "Stages": <c>POST /api/v1/pipelines</c> takes <c>name</c> (required), <c>deal_probability</c>,
/// <c>order_nr</c> and <c>active</c> (booleans also as 0/1) and answers 200 with
/// <c>{"success": true, "data": {id, name, url_title, order_nr, active, deal_probability,
/// add_time, update_time}}</c>, times as <c>YYYY-MM-DD HH:MM:SS</c> in UTC. A pipeline is created
/// without stages: stages are a separate resource (<c>POST /api/v1/stages</c> with a
/// <c>pipeline_id</c>), so <c>GET /api/v1/stages?pipeline_id=</c> lists none for a new pipeline.
/// </remarks>
public sealed class PipedrivePipelinesEmulator
{
    private const string CollectionPath = "/api/v1/pipelines";

    private readonly PipedriveEmulator _api;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly List<PipedrivePipeline> _records = new();
    private long _nextId = 1;

    internal PipedrivePipelinesEmulator(PipedriveEmulator api, TimeProvider time)
    {
        _api = api;
        _time = time;
    }

    /// <summary>The pipelines created so far, in creation order.</summary>
    public IReadOnlyList<PipedrivePipeline> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CollectionPath, CreateAsync);
        routes.MapGet(CollectionPath + "/{id}", GetAsync);
        routes.MapGet("/api/v1/stages", ListStagesAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        using var document = await PipedriveEmulator.ReadJsonObjectAsync(context).ConfigureAwait(false);
        if (document is null) return;
        var root = document.RootElement;

        if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            await PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Name must be given.").ConfigureAwait(false);
            return;
        }
        if (!TryReadFlag(root, "active", true, out var active) || !TryReadFlag(root, "deal_probability", true, out var dealProbability))
        {
            await PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "active and deal_probability must be booleans.").ConfigureAwait(false);
            return;
        }
        int? orderNr = null;
        if (root.TryGetProperty("order_nr", out var orderElement) && orderElement.ValueKind != JsonValueKind.Null)
        {
            var order = -1;
            var isNumber = orderElement.ValueKind == JsonValueKind.Number
                ? orderElement.TryGetInt32(out order)
                : orderElement.ValueKind == JsonValueKind.String && int.TryParse(orderElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out order);
            if (!isNumber || order < 0)
            {
                await PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "order_nr must be a non-negative integer.").ConfigureAwait(false);
                return;
            }
            orderNr = order;
        }

        var name = nameElement.GetString()!.Trim();
        var now = _time.GetUtcNow();
        PipedrivePipeline pipeline;
        lock (_gate)
        {
            pipeline = new PipedrivePipeline(_nextId++, name, UrlTitle(name), orderNr ?? _records.Count, active, dealProbability, now, now);
            _records.Add(pipeline);
        }
        await WriteAsync(context, StatusCodes.Status200OK, pipeline).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var pipeline = Find((string?)context.Request.RouteValues["id"]);
        if (pipeline is null)
        {
            await PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Pipeline not found").ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, StatusCodes.Status200OK, pipeline).ConfigureAwait(false);
    }

    private async Task ListStagesAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var pipelineId = context.Request.Query["pipeline_id"].ToString();
        if (pipelineId.Length > 0 && Find(pipelineId) is null)
        {
            await PipedriveEmulator.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Pipeline not found").ConfigureAwait(false);
            return;
        }
        // No stage was ever added: stages are created separately, never with a pipeline.
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, PipedriveEmulator.JsonContentType, 0, static (w, _) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteStartArray("data");
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private PipedrivePipeline? Find(string? text)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        lock (_gate) return _records.FirstOrDefault(p => p.Id == id);
    }

    private static Task WriteAsync(HttpContext context, int statusCode, PipedrivePipeline pipeline)
        => JsonResponse.WriteAsync(context, statusCode, PipedriveEmulator.JsonContentType, pipeline, static (w, p) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteStartObject("data");
            w.WriteNumber("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteString("url_title", p.UrlTitle);
            w.WriteNumber("order_nr", p.OrderNr);
            w.WriteBoolean("active", p.Active);
            w.WriteBoolean("deal_probability", p.DealProbability);
            w.WriteString("add_time", PipedriveEmulator.FormatTime(p.AddTime));
            w.WriteString("update_time", PipedriveEmulator.FormatTime(p.UpdateTime));
            w.WriteEndObject();
            w.WriteEndObject();
        });

    private static bool TryReadFlag(JsonElement root, string name, bool defaultValue, out bool value)
    {
        value = defaultValue;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            case JsonValueKind.Number when element.TryGetInt32(out var number) && number is 0 or 1:
                value = number == 1;
                return true;
            // A form-encoded body carries text.
            case JsonValueKind.String when element.GetString() is "1" or "true":
                value = true;
                return true;
            case JsonValueKind.String when element.GetString() is "0" or "false":
                value = false;
                return true;
            default:
                return false;
        }
    }

    private static string UrlTitle(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}
