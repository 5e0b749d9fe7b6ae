using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// HighLevel's API 2.0 (LeadConnector) as its public documentation describes it, at
/// <c>{root}/highlevel</c> (standing in for <c>https://services.leadconnectorhq.com</c>):
/// bearer authentication with a sub-account token, the required <c>Version</c> header, the
/// documented error bodies and the rate limits with their <c>X-RateLimit-*</c> headers.
/// </summary>
/// <remarks>
/// <para>
/// Follows HighLevel's API reference (the "HighLevel API" OpenAPI description of Contacts and
/// Associations, whose operations declare a required <c>Version</c> header with the single value
/// <c>2021-07-28</c> and <c>Authorization: Bearer</c> with a Sub-Account access token or Private
/// Integration Token), the shared "Common Schemas" (<c>BadRequestDTO</c>
/// <c>{statusCode, message}</c>, <c>UnauthorizedDTO</c> <c>{statusCode, message, error}</c> with
/// "Invalid token: access token is invalid", <c>UnprocessableDTO</c> with a list of messages), and
/// the help-centre article "HighLevel API" on rate limits: a burst limit of 100 requests per 10
/// seconds and a daily limit of 200,000 requests per app and location, reported on every response
/// as <c>X-RateLimit-Limit-Daily</c>, <c>X-RateLimit-Daily-Remaining</c>,
/// <c>X-RateLimit-Interval-Milliseconds</c>, <c>X-RateLimit-Max</c> and <c>X-RateLimit-Remaining</c>.
/// </para>
/// <para>
/// Where the documentation is silent the emulator answers in the same shapes: a missing or unknown
/// <c>Version</c> is a 400, an exceeded limit a 429 <c>{statusCode, message}</c>, a location other
/// than the token's a 403 ("The token does not have access to this location."), an unknown route
/// a 404 <c>{statusCode, message, error}</c>. Request bodies are checked against the operation's
/// DTO the way HighLevel's validation answers: 422 with one message per problem. A property the
/// DTO does not declare is ignored, as the OpenAPI schemas (which do not forbid additional
/// properties) allow; <see cref="RejectUndeclaredProperties"/> makes it a 422
/// ("property X should not exist") instead, as HighLevel's validation answers on some endpoints.
/// </para>
/// </remarks>
public sealed class HighLevelEmulator : ProviderEmulator
{
    /// <summary>The only API version the emulated operations accept (the <c>Version</c> header).</summary>
    public const string ApiVersion = "2021-07-28";

    internal const string JsonContentType = "application/json; charset=utf-8";
    private const int IntervalMilliseconds = 10_000;

    private readonly CrmSandboxOptions _options;
    private readonly object _gate = new();
    private long? _windowStart;
    private int _windowCount;
    private DateOnly? _day;
    private int _dayCount;

    internal HighLevelEmulator(CrmSandboxOptions options, SandboxRandom random)
    {
        _options = options;
        Contacts = new HighLevelContactsEmulator(this, options.TimeProvider, random);
        Associations = new HighLevelAssociationsEmulator(this, options.TimeProvider, random);
    }

    /// <inheritdoc />
    public override string Name => "highlevel";

    /// <inheritdoc />
    public override string ApiRootPath => "";

    /// <summary>The location (sub-account) the accepted token belongs to.</summary>
    public string LocationId => _options.HighLevelLocationId;

    /// <summary>
    /// When true, a request body property the operation's DTO does not declare is refused with a
    /// 422 "property X should not exist"; when false (the default), it is ignored.
    /// </summary>
    public bool RejectUndeclaredProperties { get; set; }

    /// <summary>The contacts API (<c>/contacts/</c>).</summary>
    public HighLevelContactsEmulator Contacts { get; }

    /// <summary>The associations API (<c>/associations/</c> and <c>/associations/relations</c>).</summary>
    public HighLevelAssociationsEmulator Associations { get; }

    internal override void Map(IEndpointRouteBuilder routes)
    {
        Contacts.Map(routes);
        Associations.Map(routes);
    }

    internal override Task WriteNotFoundAsync(HttpContext context)
        => WriteErrorAsync(context, StatusCodes.Status404NotFound,
            $"Cannot {context.Request.Method} {context.Request.Path.Value}", "Not Found");

    /// <summary>
    /// Checks the bearer token, the rate limits and the <c>Version</c> header. Writes the 401, 429
    /// or 400 answer and returns false when the request may not proceed; adds the rate-limit
    /// headers to every authenticated answer.
    /// </summary>
    internal async Task<bool> AdmitAsync(HttpContext context)
    {
        if (!HasValidToken(context.Request))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid token: access token is invalid", "Unauthorized").ConfigureAwait(false);
            return false;
        }

        int burstRemaining;
        int dailyRemaining;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            if (_windowStart is not { } start || nowMs - start >= IntervalMilliseconds)
            {
                _windowStart = nowMs;
                _windowCount = 0;
            }
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (_day != today)
            {
                _day = today;
                _dayCount = 0;
            }
            burstRemaining = _options.HighLevelRequestsPerTenSeconds - _windowCount;
            dailyRemaining = _options.HighLevelRequestsPerDay - _dayCount;
            if (burstRemaining > 0 && dailyRemaining > 0)
            {
                _windowCount++;
                _dayCount++;
            }
        }

        var admitted = burstRemaining > 0 && dailyRemaining > 0;
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit-Daily"] = _options.HighLevelRequestsPerDay.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Daily-Remaining"] = Math.Max(admitted ? dailyRemaining - 1 : dailyRemaining, 0).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Interval-Milliseconds"] = IntervalMilliseconds.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Max"] = _options.HighLevelRequestsPerTenSeconds.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(admitted ? burstRemaining - 1 : burstRemaining, 0).ToString(CultureInfo.InvariantCulture);

        if (!admitted)
        {
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests").ConfigureAwait(false);
            return false;
        }

        var version = context.Request.Headers["Version"].ToString();
        if (!string.Equals(version, ApiVersion, StringComparison.Ordinal))
        {
            var message = version.Length == 0
                ? $"The Version header is required; the only supported version is {ApiVersion}."
                : $"Version '{version}' is not supported; the only supported version is {ApiVersion}.";
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, message).ConfigureAwait(false);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Reads the JSON object body of a request. Writes the 400 answer (unsupported content type,
    /// malformed JSON, not an object) and returns null when there is none.
    /// </summary>
    internal async Task<JsonDocument?> ReadObjectBodyAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Unsupported content type '{contentType}'; send application/json.", "Bad Request").ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Unexpected token in JSON at position {ex.BytePositionInLine ?? 0}", "Bad Request").ConfigureAwait(false);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            await WriteUnprocessableAsync(context, ["the request body must be a JSON object"]).ConfigureAwait(false);
            return null;
        }
        return document;
    }

    /// <summary>
    /// Checks that a request's <c>locationId</c> is the token's location; writes the 403 answer
    /// and returns false when it is not.
    /// </summary>
    internal async Task<bool> CheckLocationAsync(HttpContext context, string locationId)
    {
        if (string.Equals(locationId, _options.HighLevelLocationId, StringComparison.Ordinal)) return true;
        await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "The token does not have access to this location.").ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes <c>{statusCode, message}</c>, with <c>error</c> (the reason phrase) when given.</summary>
    internal static Task WriteErrorAsync(HttpContext context, int statusCode, string message, string? error = null, Action<Utf8JsonWriter>? extra = null)
        => JsonResponse.WriteAsync(context, statusCode, JsonContentType, (statusCode, message, error, extra), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("statusCode", s.statusCode);
            w.WriteString("message", s.message);
            if (s.error is not null) w.WriteString("error", s.error);
            s.extra?.Invoke(w);
            w.WriteEndObject();
        });

    /// <summary>Writes the 422 answer: <c>{statusCode: 422, message: [ … ], error: "Unprocessable Entity"}</c>.</summary>
    internal static Task WriteUnprocessableAsync(HttpContext context, IReadOnlyList<string> messages)
        => JsonResponse.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, JsonContentType, messages, static (w, m) =>
        {
            w.WriteStartObject();
            w.WriteNumber("statusCode", StatusCodes.Status422UnprocessableEntity);
            w.WriteStartArray("message");
            foreach (var message in m) w.WriteStringValue(message);
            w.WriteEndArray();
            w.WriteString("error", "Unprocessable Entity");
            w.WriteEndObject();
        });

    internal static string FormatTimestamp(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private bool HasValidToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var token = header.AsSpan(scheme.Length).Trim();
        return token.Length > 0 && token.SequenceEqual(_options.HighLevelAccessToken);
    }
}
