using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmGen.Sandbox;

/// <summary>
/// Faults to inject into a <see cref="CrmSandbox"/> on demand, per provider, for a number of
/// requests: rate limiting (429 with the provider's own headers), server errors, slow answers (for
/// timeouts) and malformed bodies. Each is a <see cref="CannedResponse"/>; the
/// <c>Inject…</c> extension methods queue one.
/// </summary>
/// <remarks>
/// The rate-limit answers follow each provider's public documentation:
/// <list type="bullet">
/// <item><description>HubSpot, "API usage guidelines and limits": 429 with
/// <c>{"status":"error","message","errorType":"RATE_LIMIT","correlationId","policyName"}</c> and the
/// <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, <c>-Max</c> and <c>-Remaining</c> headers (no <c>Retry-After</c>).</description></item>
/// <item><description>Close, "Rate Limits": 429 with <c>{"error": {"message", "rate_reset", "rate_limit", "rate_window"}}</c>, the
/// <c>RateLimit: limit=…, remaining=0, reset=…</c> header and <c>Retry-After</c>.</description></item>
/// <item><description>Pipedrive, "Rate limiting" and "Responses": 429 with the
/// <c>{"success": false, "error", "error_info", "data", "additional_data"}</c> envelope, the <c>x-ratelimit-limit</c>,
/// <c>x-ratelimit-remaining</c> and <c>x-ratelimit-reset</c> headers and <c>Retry-After</c>.</description></item>
/// <item><description>HighLevel, "HighLevel API" (rate limits) and its OpenAPI error schemas: 429 with
/// <c>{"statusCode", "message", "error"}</c> and <c>X-RateLimit-Limit-Daily</c>, <c>X-RateLimit-Daily-Remaining</c>,
/// <c>X-RateLimit-Interval-Milliseconds</c>, <c>X-RateLimit-Max</c> and <c>X-RateLimit-Remaining</c>.</description></item>
/// <item><description>Salesforce, REST API Developer Guide "Status Codes and Error Responses": the API request
/// limit answers <c>403</c> with <c>[{"message": "TotalRequests Limit exceeded.", "errorCode": "REQUEST_LIMIT_EXCEEDED"}]</c>
/// (a daily allocation, not a window to wait out).</description></item>
/// <item><description>Any other provider: 429 with <c>Retry-After</c> in seconds.</description></item>
/// </list>
/// Server errors are JSON in the provider's error shape for 500, and the HTML page of a gateway
/// for 502, 503 and 504 (what a load balancer in front of an API answers).
/// </remarks>
public static class SandboxFaults
{
    private const string CorrelationId = "5e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b";

    /// <summary>A 429 (Salesforce: 403 REQUEST_LIMIT_EXCEEDED) in the provider's dialect.</summary>
    /// <param name="provider">The provider whose requests get it.</param>
    /// <param name="retryAfter">The wait the answer asks for in the provider's headers (default 1 s; HubSpot and HighLevel: their 10 s window).</param>
    /// <param name="times">How many requests get it.</param>
    public static CannedResponse RateLimited(string provider, TimeSpan? retryAfter = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (provider.ToLowerInvariant())
        {
            case "hubspot":
            {
                var interval = Milliseconds(retryAfter ?? TimeSpan.FromSeconds(10));
                headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = interval;
                headers["X-HubSpot-RateLimit-Max"] = "100";
                headers["X-HubSpot-RateLimit-Remaining"] = "0";
                return new CannedResponse(429,
                    $$"""{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","correlationId":"{{CorrelationId}}","policyName":"TEN_SECONDLY_ROLLING"}""",
                    "application/json;charset=utf-8", provider, headers) { Times = times };
            }
            case "close":
            {
                var seconds = Seconds(retryAfter ?? TimeSpan.FromSeconds(1));
                headers["RateLimit"] = $"limit=20, remaining=0, reset={seconds}";
                headers["Retry-After"] = WholeSeconds(retryAfter ?? TimeSpan.FromSeconds(1));
                return new CannedResponse(429,
                    $$$"""{"error":{"message":"API call count exceeded for this 1 second window","rate_reset":{{{seconds}}},"rate_limit":20,"rate_window":1}}""",
                    "application/json", provider, headers) { Times = times };
            }
            case "pipedrive":
            {
                var seconds = WholeSeconds(retryAfter ?? TimeSpan.FromSeconds(2));
                headers["x-ratelimit-limit"] = "20";
                headers["x-ratelimit-remaining"] = "0";
                headers["x-ratelimit-reset"] = seconds;
                headers["Retry-After"] = seconds;
                return new CannedResponse(429,
                    """{"success":false,"error":"Request over limit","error_info":"Please check developers.pipedrive.com for more information about Pipedrive API.","data":null,"additional_data":null}""",
                    "application/json", provider, headers) { Times = times };
            }
            case "highlevel":
            {
                headers["X-RateLimit-Limit-Daily"] = "200000";
                headers["X-RateLimit-Daily-Remaining"] = "199000";
                headers["X-RateLimit-Interval-Milliseconds"] = Milliseconds(retryAfter ?? TimeSpan.FromSeconds(10));
                headers["X-RateLimit-Max"] = "100";
                headers["X-RateLimit-Remaining"] = "0";
                return new CannedResponse(429,
                    """{"statusCode":429,"message":"Too many requests, please try again later.","error":"Too Many Requests"}""",
                    "application/json", provider, headers) { Times = times };
            }
            case "salesforce":
                return new CannedResponse(403,
                    """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""",
                    "application/json;charset=UTF-8", provider) { Times = times };
            default:
                headers["Retry-After"] = WholeSeconds(retryAfter ?? TimeSpan.FromSeconds(1));
                return new CannedResponse(429, """{"message":"Too many requests"}""", "application/json", provider, headers) { Times = times };
        }
    }

    /// <summary>A server error: JSON in the provider's error shape for 500, a gateway's HTML page for 502, 503 and 504.</summary>
    /// <param name="provider">The provider whose requests get it.</param>
    /// <param name="statusCode">A 5xx status (default 503).</param>
    /// <param name="times">How many requests get it.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to add, if any.</param>
    public static CannedResponse ServerError(string provider, int statusCode = 503, int times = 1, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (statusCode is < 500 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A server error has a 5xx status.");
        Dictionary<string, string>? headers = null;
        if (retryAfter is { } wait) headers = new(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = WholeSeconds(wait) };
        if (statusCode is 502 or 503 or 504)
        {
            var title = statusCode switch { 502 => "502 Bad Gateway", 503 => "503 Service Temporarily Unavailable", _ => "504 Gateway Time-out" };
            return new CannedResponse(statusCode, $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n",
                "text/html", provider, headers) { Times = times };
        }
        var body = provider.ToLowerInvariant() switch
        {
            "hubspot" => $$"""{"status":"error","message":"internal error","correlationId":"{{CorrelationId}}","category":"INTERNAL_ERROR"}""",
            "close" => """{"error":"Internal server error"}""",
            "pipedrive" => """{"success":false,"error":"Internal server error","error_info":"Please check developers.pipedrive.com for more information about Pipedrive API.","data":null,"additional_data":null}""",
            "highlevel" => $$"""{"statusCode":{{statusCode}},"message":"Internal server error"}""",
            "salesforce" => """[{"message":"An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)","errorCode":"UNKNOWN_EXCEPTION"}]""",
            _ => """{"message":"Internal server error"}""",
        };
        return new CannedResponse(statusCode, body, "application/json", provider, headers) { Times = times };
    }

    /// <summary>A slow provider: the requests wait <paramref name="delay"/>, then the emulator answers them as usual (a client timeout meets this).</summary>
    /// <param name="provider">The provider whose requests are slowed.</param>
    /// <param name="delay">The wait before the emulator answers.</param>
    /// <param name="times">How many requests are slowed.</param>
    public static CannedResponse SlowResponse(string provider, TimeSpan delay, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new CannedResponse(200, "", "application/json", provider) { Times = times, Delay = delay, AnswerFromEmulator = true };
    }

    /// <summary>A success status with a body that is not the JSON the provider documents (cut off, by default).</summary>
    /// <param name="provider">The provider whose requests get it.</param>
    /// <param name="statusCode">The success status the operation answers with (e.g. 201 for HubSpot's create).</param>
    /// <param name="body">The body; default <c>{"id": "1001", "properties": {"firstname": </c> (cut off).</param>
    /// <param name="times">How many requests get it.</param>
    public static CannedResponse MalformedBody(string provider, int statusCode = 200, string? body = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new CannedResponse(statusCode, body ?? """{"id": "1001", "properties": {"firstname": """, "application/json", provider) { Times = times };
    }

    /// <summary>Queues <see cref="RateLimited"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>.</summary>
    public static void InjectRateLimit(this CrmSandbox sandbox, string provider, int times = 1, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.FailNextRequest(RateLimited(provider, retryAfter, times));
    }

    /// <summary>Queues <see cref="ServerError"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>.</summary>
    public static void InjectServerError(this CrmSandbox sandbox, string provider, int statusCode = 503, int times = 1, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.FailNextRequest(ServerError(provider, statusCode, times, retryAfter));
    }

    /// <summary>Queues <see cref="SlowResponse"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>.</summary>
    public static void InjectSlowResponse(this CrmSandbox sandbox, string provider, TimeSpan delay, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.FailNextRequest(SlowResponse(provider, delay, times));
    }

    /// <summary>Queues <see cref="MalformedBody"/> for the next <paramref name="times"/> requests to <paramref name="provider"/>.</summary>
    public static void InjectMalformedBody(this CrmSandbox sandbox, string provider, int statusCode = 200, string? body = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.FailNextRequest(MalformedBody(provider, statusCode, body, times));
    }

    private static string Milliseconds(TimeSpan wait) => ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string WholeSeconds(TimeSpan wait) => ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
