using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmGen.Sandbox;

/// <summary>
/// Pipedrive's REST API (v1) as its public documentation describes it, at <c>{root}/pipedrive</c>
/// (standing in for <c>https://{COMPANYDOMAIN}.pipedrive.com</c>; the API root is
/// <c>{root}/pipedrive/api/v1</c>).
/// </summary>
/// <remarks>
/// Follows the developer documentation pages "Authentication" (an API token in the
/// <c>x-api-token</c> header, or — the older form — the <c>api_token</c> query parameter; OAuth 2.0
/// access tokens as <c>Authorization: Bearer</c>), "Requests" (JSON bodies with
/// <c>Content-Type: application/json</c>, or form-encoded for POST; paths under <c>/api/v1</c>), "Responses" (every body has a
/// boolean <c>success</c>; on success the record is in <c>data</c>; on failure <c>error</c> and
/// <c>error_info</c> with <c>data</c> and <c>additional_data</c> null), "HTTP status codes" (200, 201,
/// 400, 401 for an invalid API token, 404, 429), "Rate limiting" (a burst limit per token over a
/// two-second window with the <c>x-ratelimit-limit</c>, <c>x-ratelimit-remaining</c> and
/// <c>x-ratelimit-reset</c> headers, plus <c>x-daily-requests-left</c> on POST and PUT requests made
/// with an API token; 429 when exceeded; OAuth tokens get four times the API-token limit) and
/// "Date format" (times in UTC as <c>YYYY-MM-DD HH:MM:SS</c>). The account has one company, one
/// authorized admin user (the owner of records by default), organizations and person labels
/// to refer to, and person custom fields whose API keys are 40-character hashes.
/// </remarks>
public sealed class PipedriveEmulator : ProviderEmulator
{
    internal const string JsonContentType = "application/json";
    internal const string ErrorInfo = "Please check developers.pipedrive.com for more information about Pipedrive API.";
    private const int WindowSeconds = 2;
    private const int DailyWriteRequests = 10_000;

    private readonly CrmSandboxOptions _options;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly List<PipedriveUser> _users = new();
    private readonly List<PipedriveOrganization> _organizations = new();
    private readonly List<PipedriveLabel> _personLabels = new();
    private readonly List<PipedriveCustomField> _personFields = new();
    private long _nextOrganizationId = 1;
    private int _dailyWritesLeft = DailyWriteRequests;

    internal PipedriveEmulator(CrmSandboxOptions options, SandboxRandom random)
    {
        _options = options;
        _random = random;
        CompanyId = 7_283_001;
        AuthorizedUser = new PipedriveUser(12_345_678, "Sandbox Admin", "admin@sandbox.example", IsAdmin: true);
        _users.Add(AuthorizedUser);
        // The person labels a new Pipedrive company starts with.
        _personLabels.Add(new PipedriveLabel(1, "Customer", "green"));
        _personLabels.Add(new PipedriveLabel(2, "Hot lead", "red"));
        _personLabels.Add(new PipedriveLabel(3, "Warm lead", "yellow"));
        _personLabels.Add(new PipedriveLabel(4, "Cold lead", "blue"));
        Persons = new PipedrivePersonsEmulator(this, options.TimeProvider);
        Pipelines = new PipedrivePipelinesEmulator(this, options.TimeProvider);
    }

    /// <inheritdoc />
    public override string Name => "pipedrive";

    /// <inheritdoc />
    public override string ApiRootPath => "/api/v1";

    /// <summary>The company (account) id every record belongs to.</summary>
    public long CompanyId { get; }

    /// <summary>The user the API token and the access token belong to: an admin, and the default owner of new records.</summary>
    public PipedriveUser AuthorizedUser { get; }

    /// <summary>The persons API (<c>/api/v1/persons</c>).</summary>
    public PipedrivePersonsEmulator Persons { get; }

    /// <summary>The pipelines API (<c>/api/v1/pipelines</c>).</summary>
    public PipedrivePipelinesEmulator Pipelines { get; }

    /// <summary>The users of the company.</summary>
    public IReadOnlyList<PipedriveUser> Users
    {
        get
        {
            lock (_gate) return _users.ToArray();
        }
    }

    /// <summary>The organizations of the company.</summary>
    public IReadOnlyList<PipedriveOrganization> Organizations
    {
        get
        {
            lock (_gate) return _organizations.ToArray();
        }
    }

    /// <summary>The options of the person <c>label</c> field (the ids <c>label_ids</c> refers to).</summary>
    public IReadOnlyList<PipedriveLabel> PersonLabels
    {
        get
        {
            lock (_gate) return _personLabels.ToArray();
        }
    }

    /// <summary>The custom fields of persons.</summary>
    public IReadOnlyList<PipedriveCustomField> PersonFields
    {
        get
        {
            lock (_gate) return _personFields.ToArray();
        }
    }

    /// <summary>Adds a user to the company (a possible owner of records).</summary>
    public PipedriveUser AddUser(string name, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        lock (_gate)
        {
            var user = new PipedriveUser(AuthorizedUser.Id + _users.Count, name, email, IsAdmin: false);
            _users.Add(user);
            return user;
        }
    }

    /// <summary>Adds an organization, owned by the authorized user.</summary>
    public PipedriveOrganization AddOrganization(string name, string? address = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            var organization = new PipedriveOrganization(_nextOrganizationId++, name, AuthorizedUser.Id, address);
            _organizations.Add(organization);
            return organization;
        }
    }

    /// <summary>Adds a person custom field of the given type (<c>varchar</c>, <c>double</c>, <c>date</c>…); its API key is a 40-character hash.</summary>
    public PipedriveCustomField AddPersonField(string name, string fieldType = "varchar")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldType);
        var key = NewFieldKey();
        lock (_gate)
        {
            var field = new PipedriveCustomField(key, name, fieldType);
            _personFields.Add(field);
            return field;
        }
    }

    internal override void Map(IEndpointRouteBuilder routes)
    {
        Persons.Map(routes);
        Pipelines.Map(routes);
    }

    internal override Task WriteNotFoundAsync(HttpContext context)
        => WriteErrorAsync(context, StatusCodes.Status404NotFound, "Unknown method .");

    internal PipedriveUser? FindUser(long id)
    {
        lock (_gate) return _users.FirstOrDefault(u => u.Id == id);
    }

    internal PipedriveOrganization? FindOrganization(long id)
    {
        lock (_gate) return _organizations.FirstOrDefault(o => o.Id == id);
    }

    internal bool HasPersonLabel(long id)
    {
        lock (_gate) return _personLabels.Any(l => l.Id == id);
    }

    internal PipedriveCustomField? FindPersonField(string key)
    {
        lock (_gate) return _personFields.FirstOrDefault(f => f.Key == key);
    }

    /// <summary>
    /// Checks the API token (<c>x-api-token</c> header or <c>api_token</c> query parameter) or the
    /// OAuth access token, and the burst limit. Writes the 401 or 429 answer and returns false when
    /// the request may not proceed; adds the rate-limit headers when it may.
    /// </summary>
    internal async Task<bool> AdmitAsync(HttpContext context)
    {
        var request = context.Request;
        var credential = Authenticate(request);
        if (credential is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "unauthorized access", errorCode: 401).ConfigureAwait(false);
            return false;
        }

        var isApiToken = credential.Value.IsApiToken;
        var limit = isApiToken ? _options.PipedriveRequestsPerTwoSeconds : _options.PipedriveRequestsPerTwoSeconds * 4;
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method);
        int remaining;
        double reset;
        int dailyLeft;
        lock (_gate)
        {
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            if (!_windows.TryGetValue(credential.Value.Key, out var window) || now - window.Start >= WindowSeconds * 1000L)
            {
                window = (now, 0);
            }
            remaining = limit - window.Count;
            if (remaining > 0)
            {
                window.Count++;
                if (isApiToken && isWrite && _dailyWritesLeft > 0) _dailyWritesLeft--;
            }
            _windows[credential.Value.Key] = window;
            reset = Math.Max(0, (window.Start + WindowSeconds * 1000L - now) / 1000.0);
            dailyLeft = _dailyWritesLeft;
        }

        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(remaining - 1, 0).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = ((int)Math.Ceiling(reset)).ToString(CultureInfo.InvariantCulture);
        if (isApiToken && isWrite) headers["x-daily-requests-left"] = dailyLeft.ToString(CultureInfo.InvariantCulture);
        if (remaining > 0) return true;

        await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Request over limit", errorCode: 429).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Writes Pipedrive's error body: <c>{"success": false, "error", "error_info", "data": null,
    /// "additional_data": null}</c>, with <c>errorCode</c> when given.
    /// </summary>
    internal static Task WriteErrorAsync(HttpContext context, int statusCode, string error, int? errorCode = null)
        => JsonResponse.WriteAsync(context, statusCode, JsonContentType, (error, errorCode), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", false);
            w.WriteString("error", s.error);
            if (s.errorCode is { } code) w.WriteNumber("errorCode", code);
            w.WriteString("error_info", ErrorInfo);
            w.WriteNull("data");
            w.WriteNull("additional_data");
            w.WriteEndObject();
        });

    /// <summary>
    /// Reads the body of a POST or PUT as a JSON object: a JSON body, or a form-encoded one (which
    /// Pipedrive also takes for POST; every value is then text). Writes Pipedrive's 400/415 answer
    /// and returns null when the body is neither.
    /// </summary>
    internal static async Task<JsonDocument?> ReadJsonObjectAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var json = JsonResponse.Build(form, static (w, f) =>
            {
                w.WriteStartObject();
                foreach (var field in f) w.WriteString(field.Key, field.Value.ToString());
                w.WriteEndObject();
            });
            return JsonDocument.Parse(json);
        }
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type: send a JSON body with Content-Type: application/json.").ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Malformed JSON in the request body.").ConfigureAwait(false);
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The request body must be a JSON object.").ConfigureAwait(false);
            return null;
        }
        return document;
    }

    /// <summary>An integer id given as a JSON number or numeric text.</summary>
    internal static bool TryReadId(JsonElement element, out long id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id) && id > 0,
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }

    /// <summary>A time in Pipedrive's format: <c>YYYY-MM-DD HH:MM:SS</c>, UTC.</summary>
    internal static string FormatTime(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>YYYY-MM-DD HH:MM:SS</c> (UTC).</summary>
    internal static bool TryParseTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null) return false;
        if (!DateTime.TryParseExact(text, "yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }
        value = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }

    private (string Key, bool IsApiToken)? Authenticate(HttpRequest request)
    {
        var header = request.Headers["x-api-token"].ToString();
        if (header.Length > 0)
        {
            return string.Equals(header, _options.PipedriveApiToken, StringComparison.Ordinal) ? ("api_token", true) : null;
        }
        var query = request.Query["api_token"].ToString();
        if (query.Length > 0)
        {
            return string.Equals(query, _options.PipedriveApiToken, StringComparison.Ordinal) ? ("api_token", true) : null;
        }
        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization.AsSpan(scheme.Length).Trim();
            return token.Length > 0 && token.SequenceEqual(_options.PipedriveAccessToken) ? ("oauth", false) : null;
        }
        return null;
    }

    private string NewFieldKey()
    {
        var a = _random.NextGuid().ToString("N");
        var b = _random.NextGuid().ToString("N");
        return (a + b)[..40];
    }
}
