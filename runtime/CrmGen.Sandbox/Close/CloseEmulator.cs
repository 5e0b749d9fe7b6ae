using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Close's REST API (v1) as its public documentation describes it, at <c>{root}/close</c>
/// (standing in for <c>https://api.close.com</c>; the API root is <c>{root}/close/api/v1</c>).
/// </summary>
/// <remarks>
/// Follows "Authentication with API Keys" (HTTP Basic: the API key is the user name and the
/// password is empty), "HTTP Response Codes" (200 on success, 400 for a bad request, 401 when
/// the request needs authentication, 404 for an unknown URL, 415 for an unsupported format),
/// "Rate Limits" (an RFC-style <c>RateLimit: limit=…, remaining=…, reset=…</c> header; 429 when
/// exceeded, to be retried after <c>reset</c> seconds) and "Pagination" (lists as
/// <c>{"has_more", "data"}</c>). Error bodies are JSON with an <c>error</c> message, or
/// <c>errors</c> and <c>field-errors</c> for invalid fields.
/// </remarks>
public sealed class CloseEmulator : ProviderEmulator
{
    internal const string JsonContentType = "application/json";
    private const int WindowSeconds = 1;

    private readonly CrmSandboxOptions _options;
    private readonly object _gate = new();
    private long? _windowStart;
    private int _windowCount;

    internal CloseEmulator(CrmSandboxOptions options, SandboxRandom random)
    {
        _options = options;
        OrganizationId = random.NextId("orga_");
        Pipelines = new ClosePipelinesEmulator(this, options.TimeProvider, random);
        Contacts = new CloseContactsEmulator(this, options.TimeProvider, random);
    }

    /// <inheritdoc />
    public override string Name => "close";

    /// <inheritdoc />
    public override string ApiRootPath => "/api/v1";

    /// <summary>The organization the API key belongs to (<c>orga_…</c>).</summary>
    public string OrganizationId { get; }

    /// <summary>The pipelines API (<c>/api/v1/pipeline/</c>).</summary>
    public ClosePipelinesEmulator Pipelines { get; }

    /// <summary>The contacts API (<c>/api/v1/contact/</c>) and the leads contacts belong to.</summary>
    public CloseContactsEmulator Contacts { get; }

    internal override void Map(IEndpointRouteBuilder routes)
    {
        Pipelines.Map(routes);
        Contacts.Map(routes);
    }

    internal override Task WriteNotFoundAsync(HttpContext context)
        => WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found");

    /// <summary>
    /// Checks the trailing slash, HTTP Basic authentication and the rate limit. Writes the 404, 401
    /// or 429 answer and returns false when the request may not proceed; adds the <c>RateLimit</c> header when it may.
    /// </summary>
    internal async Task<bool> AdmitAsync(HttpContext context)
    {
        // Close's URLs end with a slash; routing alone would also match the path without it.
        if (context.Request.Path.Value is not { } path || !path.EndsWith('/'))
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return false;
        }
        if (!HasValidApiKey(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"api\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized").ConfigureAwait(false);
            return false;
        }

        int remaining;
        double reset;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            if (_windowStart is not { } start || now - start >= WindowSeconds * 1000L)
            {
                _windowStart = now;
                _windowCount = 0;
            }
            remaining = _options.CloseRequestsPerSecond - _windowCount;
            if (remaining > 0) _windowCount++;
            reset = Math.Max(0, (_windowStart.Value + WindowSeconds * 1000L - now) / 1000.0);
        }

        var resetSeconds = (int)Math.Ceiling(reset);
        context.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
            $"limit={_options.CloseRequestsPerSecond}, remaining={Math.Max(remaining - 1, 0)}, reset={resetSeconds}");
        if (remaining > 0) return true;

        context.Response.Headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
        await JsonResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, JsonContentType, (limit: _options.CloseRequestsPerSecond, reset), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", "API call count exceeded for this 1 second window");
            w.WriteNumber("rate_reset", s.reset);
            w.WriteNumber("rate_limit", s.limit);
            w.WriteNumber("rate_window", WindowSeconds);
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes <c>{"error": message}</c>.</summary>
    internal static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
        => JsonResponse.WriteAsync(context, statusCode, JsonContentType, message, static (w, m) =>
        {
            w.WriteStartObject();
            w.WriteString("error", m);
            w.WriteEndObject();
        });

    /// <summary>Writes <c>{"errors": [], "field-errors": {field: message}}</c>.</summary>
    internal static Task WriteFieldErrorAsync(HttpContext context, string field, string message)
        => JsonResponse.WriteAsync(context, StatusCodes.Status400BadRequest, JsonContentType, (field, message), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            w.WriteEndArray();
            w.WriteStartObject("field-errors");
            w.WriteString(s.field, s.message);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    private bool HasValidApiKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        var user = colon < 0 ? decoded : decoded[..colon];
        return user.Length > 0 && string.Equals(user, _options.CloseApiKey, StringComparison.Ordinal);
    }
}
