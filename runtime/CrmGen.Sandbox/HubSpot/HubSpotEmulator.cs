using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's API as its public documentation describes it, at <c>{root}/hubspot</c> (standing in
/// for <c>https://api.hubapi.com</c>): bearer authentication, the documented error body, and the
/// burst rate limit with its <c>X-HubSpot-RateLimit-*</c> headers; behind them the CRM contacts,
/// companies, deals and leads objects, deal and ticket pipelines, and v4 default associations.
/// </summary>
/// <remarks>
/// Follows "Authentication overview" (private app and OAuth access tokens are sent as
/// <c>Authorization: Bearer</c>), "API error responses" (the <c>status</c>, <c>message</c>,
/// <c>correlationId</c>, <c>category</c> body; 401 for invalid authentication) and
/// "API usage guidelines" (a ten-second rolling burst limit; the
/// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, <c>-Max</c> and <c>-Remaining</c> headers, and
/// no daily headers for token-authenticated calls; 429 with <c>errorType</c> <c>RATE_LIMIT</c> and a <c>policyName</c>).
/// An object type a path does not name is 400 "Unable to infer object type from: …", as HubSpot answers it.
/// </remarks>
public sealed class HubSpotEmulator : ProviderEmulator
{
    internal const string JsonContentType = "application/json;charset=utf-8";
    private const int IntervalMilliseconds = 10_000;

    private readonly CrmSandboxOptions _options;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private long? _windowStart;
    private int _windowCount;

    internal HubSpotEmulator(CrmSandboxOptions options, SandboxRandom random)
    {
        _options = options;
        _random = random;
        Contacts = new HubSpotContactsEmulator(this, options.TimeProvider);
        Objects = new HubSpotObjectsEmulator(this, options.TimeProvider);
        Pipelines = new HubSpotPipelinesEmulator(this, options.TimeProvider);
        Associations = new HubSpotAssociationsEmulator(this, options.TimeProvider);
    }

    /// <inheritdoc />
    public override string Name => "hubspot";

    /// <inheritdoc />
    public override string ApiRootPath => "";

    /// <summary>The CRM contacts API (<c>/crm/v3/objects/contacts</c>).</summary>
    public HubSpotContactsEmulator Contacts { get; }

    /// <summary>The CRM companies, deals and leads APIs (<c>/crm/v3/objects/{companies|deals|leads}</c>).</summary>
    public HubSpotObjectsEmulator Objects { get; }

    /// <summary>The CRM pipelines API (<c>/crm/v3/pipelines/{objectType}</c>) for deals and tickets.</summary>
    public HubSpotPipelinesEmulator Pipelines { get; }

    /// <summary>The v4 associations API (<c>/crm/v4/objects/…/associations/default/…</c>).</summary>
    public HubSpotAssociationsEmulator Associations { get; }

    internal override void Map(IEndpointRouteBuilder routes)
    {
        Contacts.Map(routes);
        Objects.Map(routes);
        Pipelines.Map(routes);
        Associations.Map(routes);
    }

    /// <summary>True when a record of the canonical object type (<c>contacts</c>, <c>companies</c>…) has that id.</summary>
    internal bool RecordExists(string objectType, string id)
        => objectType == HubSpotObjectTypes.Contacts
            ? Contacts.Records.Any(r => r.Id == id)
            : Objects.Find(objectType, id) is not null;

    /// <summary>
    /// Reads a JSON object request body. Writes HubSpot's answer and returns null when the content
    /// type is not JSON (415), the JSON is malformed (400) or the body is not an object (400).
    /// </summary>
    internal async Task<JsonDocument?> ReadJsonObjectAsync(HttpContext context, string inputName)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "VALIDATION_ERROR",
                $"Unsupported content type '{contentType}'; expected application/json.").ConfigureAwait(false);
            return null;
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
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR",
                $"Invalid input JSON on line {line}, column {column}: the body is not valid JSON.").ConfigureAwait(false);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = Describe(document.RootElement.ValueKind);
            document.Dispose();
            await WriteInvalidInputAsync(context, $"Cannot build {inputName} from a JSON {kind}.").ConfigureAwait(false);
            return null;
        }
        return document;
    }

    /// <summary>HubSpot's 400 for input its JSON binding rejects (a missing required field, a wrong type).</summary>
    internal Task WriteInvalidInputAsync(HttpContext context, string problem)
        => WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Invalid input JSON on line 1, column 1: " + problem);

    /// <summary>HubSpot's 400 for a path that names no object type.</summary>
    internal Task WriteUnknownObjectTypeAsync(HttpContext context, string name)
        => WriteErrorAsync(context, StatusCodes.Status400BadRequest, "VALIDATION_ERROR", "Unable to infer object type from: " + name);

    /// <summary>HubSpot's 404 for a record id that does not exist: the message and the ids in <c>context</c>.</summary>
    internal Task WriteObjectNotFoundAsync(HttpContext context, string objectType, string id)
        => WriteErrorAsync(context, StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND", $"Object not found. No {objectType} record has the id {id}.",
            w =>
            {
                w.WriteStartObject("context");
                w.WriteStartArray("objectType");
                w.WriteStringValue(objectType);
                w.WriteEndArray();
                w.WriteStartArray("id");
                w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            });

    /// <summary>A JSON value kind as HubSpot's messages name it.</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    internal override Task WriteNotFoundAsync(HttpContext context)
        => WriteErrorAsync(context, StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND",
            $"Unable to route {context.Request.Method} {context.Request.Path.Value}: no such endpoint.");

    /// <summary>
    /// Checks the bearer token and the burst limit. Writes the 401 or 429 answer and returns false
    /// when the request may not proceed; adds the rate-limit headers when it may.
    /// </summary>
    internal async Task<bool> AdmitAsync(HttpContext context)
    {
        if (!HasValidToken(context.Request))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview").ConfigureAwait(false);
            return false;
        }

        int remaining;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            if (_windowStart is not { } start || now - start >= IntervalMilliseconds)
            {
                _windowStart = now;
                _windowCount = 0;
            }
            remaining = _options.HubSpotRequestsPerTenSeconds - _windowCount;
            if (remaining > 0) _windowCount++;
        }

        var max = _options.HubSpotRequestsPerTenSeconds;
        var headers = context.Response.Headers;
        headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = IntervalMilliseconds.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Max"] = max.ToString(CultureInfo.InvariantCulture);
        headers["X-HubSpot-RateLimit-Remaining"] = Math.Max(remaining - 1, 0).ToString(CultureInfo.InvariantCulture);

        if (remaining > 0) return true;

        await JsonResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, JsonContentType, NewCorrelationId(), static (w, correlationId) =>
        {
            w.WriteStartObject();
            w.WriteString("status", "error");
            w.WriteString("message", "You have reached your ten_secondly_rolling limit.");
            w.WriteString("errorType", "RATE_LIMIT");
            w.WriteString("correlationId", correlationId);
            w.WriteString("policyName", "TEN_SECONDLY_ROLLING");
            w.WriteEndObject();
        }).ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes HubSpot's error body: <c>{status:"error", message, correlationId, category}</c>.</summary>
    internal Task WriteErrorAsync(HttpContext context, int statusCode, string category, string message, Action<System.Text.Json.Utf8JsonWriter>? extra = null)
        => JsonResponse.WriteAsync(context, statusCode, JsonContentType, (category, message, correlationId: NewCorrelationId(), extra), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("status", "error");
            w.WriteString("message", s.message);
            w.WriteString("correlationId", s.correlationId);
            s.extra?.Invoke(w);
            w.WriteString("category", s.category);
            w.WriteEndObject();
        });

    private string NewCorrelationId() => _random.NextGuid().ToString("D");

    private bool HasValidToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var token = header.AsSpan(scheme.Length).Trim();
        return token.Length > 0 && token.SequenceEqual(_options.HubSpotAccessToken);
    }
}
