using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HubSpot's API as its public documentation describes it, at <c>{root}/hubspot</c> (standing in
/// for <c>https://api.hubapi.com</c>): bearer authentication, the documented error body, and the
/// burst rate limit with its <c>X-HubSpot-RateLimit-*</c> headers.
/// </summary>
/// <remarks>
/// Follows "Authentication overview" (private app and OAuth access tokens are sent as
/// <c>Authorization: Bearer</c>), "API error responses" (the <c>status</c>, <c>message</c>,
/// <c>correlationId</c>, <c>category</c> body; 401 for invalid authentication) and
/// "API usage guidelines" (a ten-second rolling burst limit; the
/// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, <c>-Max</c> and <c>-Remaining</c> headers, and
/// no daily headers for token-authenticated calls; 429 with <c>errorType</c> <c>RATE_LIMIT</c> and a <c>policyName</c>).
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
    }

    /// <inheritdoc />
    public override string Name => "hubspot";

    /// <inheritdoc />
    public override string ApiRootPath => "";

    /// <summary>The CRM contacts API (<c>/crm/v3/objects/contacts</c>).</summary>
    public HubSpotContactsEmulator Contacts { get; }

    internal override void Map(IEndpointRouteBuilder routes) => Contacts.Map(routes);

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
