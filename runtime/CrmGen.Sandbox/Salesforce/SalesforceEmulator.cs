using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>An error of Salesforce's REST API error body: one element of the top-level array.</summary>
/// <param name="Message">The human-readable message.</param>
/// <param name="ErrorCode">The status code, e.g. <c>REQUIRED_FIELD_MISSING</c>.</param>
/// <param name="Fields">The fields at fault; null when the error is not about fields (the key is then left out).</param>
public sealed record SalesforceError(string Message, string ErrorCode, IReadOnlyList<string>? Fields = null);

/// <summary>
/// Salesforce's REST API as its public documentation describes it, at <c>{root}/salesforce</c>,
/// which stands for an org's instance URL (<c>https://MyDomainName.my.salesforce.com</c>); the
/// data API is below it at <c>/services/data/vXX.X</c>.
/// </summary>
/// <remarks>
/// Follows the REST API Developer Guide: "Authorization Through Connected Apps and OAuth 2.0"
/// (the access token is sent as <c>Authorization: Bearer …</c>; the older <c>OAuth …</c> scheme
/// is accepted too), "Status Codes and Error Responses" (errors are a top-level JSON array of
/// <c>{"message", "errorCode", "fields"}</c>; 401 with <c>INVALID_SESSION_ID</c> "Session expired
/// or invalid" when the token is missing or wrong; 404 <c>NOT_FOUND</c> "The requested resource
/// does not exist" for an unknown resource or record; 405 for a method a resource does not
/// allow; 415 for a body that is not JSON), "Limit Info Header" (every response to an
/// authenticated call carries <c>Sforce-Limit-Info: api-usage=N/M</c>: calls used in the org's
/// 24-hour window and the org's limit) and "API Request Limits and Allocations" (once the daily
/// allocation is spent, calls fail with 403 <c>REQUEST_LIMIT_EXCEEDED</c> "TotalRequests Limit
/// exceeded."). The records themselves are served by <see cref="SObjects"/>.
/// </remarks>
public sealed class SalesforceEmulator : ProviderEmulator
{
    internal const string JsonContentType = "application/json;charset=UTF-8";
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly CrmSandboxOptions _options;
    private readonly object _gate = new();
    private DateTimeOffset? _windowStart;
    private int _used;

    internal SalesforceEmulator(CrmSandboxOptions options, SandboxRandom random)
    {
        _options = options;
        SObjects = new SalesforceSObjectsEmulator(this, options.TimeProvider, random);
    }

    /// <inheritdoc />
    public override string Name => "salesforce";

    /// <inheritdoc />
    /// <remarks>Empty: <see cref="CrmSandbox.BaseAddressFor"/> gives the instance URL, the value of the <c>instance_url</c> context.</remarks>
    public override string ApiRootPath => "";

    /// <summary>The sObject resources (<c>/services/data/vXX.X/sobjects/…</c>) and the records they hold.</summary>
    public SalesforceSObjectsEmulator SObjects { get; }

    /// <summary>API calls counted in the current 24-hour window.</summary>
    public int ApiUsage
    {
        get
        {
            lock (_gate) return _used;
        }
    }

    internal override void Map(IEndpointRouteBuilder routes) => SObjects.Map(routes);

    internal override Task WriteNotFoundAsync(HttpContext context) => WriteNotFoundResourceAsync(context);

    /// <summary>
    /// Checks the access token and the daily allocation. Writes the 401 or 403 answer and returns
    /// false when the call may not proceed; adds <c>Sforce-Limit-Info</c> when it is counted.
    /// </summary>
    internal async Task<bool> AdmitAsync(HttpContext context)
    {
        if (!HasValidToken(context.Request))
        {
            await WriteErrorsAsync(context, StatusCodes.Status401Unauthorized, new SalesforceError("Session expired or invalid", "INVALID_SESSION_ID")).ConfigureAwait(false);
            return false;
        }

        bool admitted;
        int used;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow();
            if (_windowStart is not { } start || now - start >= Window)
            {
                _windowStart = now;
                _used = 0;
            }
            admitted = _used < _options.SalesforceApiRequestsPerDay;
            if (admitted) _used++;
            used = _used;
        }

        context.Response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={used}/{_options.SalesforceApiRequestsPerDay}");
        if (admitted) return true;

        await WriteErrorsAsync(context, StatusCodes.Status403Forbidden, new SalesforceError("TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED")).ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes the error array: <c>[{"message", "errorCode", "fields"?}, …]</c>.</summary>
    internal static Task WriteErrorsAsync(HttpContext context, int statusCode, params SalesforceError[] errors)
        => JsonResponse.WriteAsync(context, statusCode, JsonContentType, errors, static (w, list) =>
        {
            w.WriteStartArray();
            foreach (var error in list)
            {
                w.WriteStartObject();
                w.WriteString("message", error.Message);
                w.WriteString("errorCode", error.ErrorCode);
                if (error.Fields is { } fields)
                {
                    w.WriteStartArray("fields");
                    foreach (var field in fields) w.WriteStringValue(field);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    internal static Task WriteNotFoundResourceAsync(HttpContext context)
        => WriteErrorsAsync(context, StatusCodes.Status404NotFound, new SalesforceError("The requested resource does not exist", "NOT_FOUND"));

    private bool HasValidToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        ReadOnlySpan<char> token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header.AsSpan("Bearer ".Length).Trim();
        else if (header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)) token = header.AsSpan("OAuth ".Length).Trim();
        else return false;
        return token.Length > 0 && token.SequenceEqual(_options.SalesforceAccessToken);
    }
}
