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
/// Close's Contacts API, in memory.
/// </summary>
/// <remarks>
/// Follows Close's API reference "Contacts" ("Create a new contact", "Fetch a single contact"),
/// "Custom Fields" and the changelog entry "lead_id is now optional when creating a Contact or
/// Opportunity". <c>POST /api/v1/contact/</c> takes <c>lead_id</c>, <c>name</c>, <c>title</c>,
/// <c>emails</c> (<c>[{email, type}]</c>), <c>phones</c> (<c>[{phone, type}]</c>), <c>urls</c>
/// (<c>[{url, type}]</c>), <c>date_created</c> and custom fields as <c>custom.cf_…</c> keys; a contact
/// belongs to exactly one lead, and without a <c>lead_id</c> a new lead named after the contact is
/// created. It answers 200 with the contact: <c>id</c> (<c>cont_…</c>), <c>organization_id</c>,
/// <c>lead_id</c>, <c>name</c>, <c>title</c>, <c>display_name</c>, <c>emails</c> (with
/// <c>is_unsubscribed</c>), <c>phones</c> (with <c>phone_formatted</c> and <c>country</c>),
/// <c>urls</c>, <c>date_created</c>/<c>date_updated</c> (ISO 8601 with microseconds and
/// <c>+00:00</c>), <c>created_by</c>/<c>updated_by</c>, <c>integration_links</c> and each custom
/// field set, as <c>custom.cf_…</c>. Email types are <c>office</c>, <c>home</c> and <c>other</c>;
/// phone types <c>office</c>, <c>mobile</c>, <c>home</c>, <c>direct</c>, <c>fax</c> and <c>other</c>;
/// both default to <c>office</c>. Invalid fields are 400 with <c>field-errors</c>.
/// <para>
/// <c>GET /api/v1/contact/</c> lists contacts as Close's "Pagination" guide describes its
/// offset-based list endpoints: <c>_skip</c> records skipped, <c>_limit</c> records per page, and
/// <c>{"has_more": …, "data": [...]}</c>; <c>lead_id</c> filters by lead. Close says each resource
/// has its own maximum <c>_limit</c> (a 400 beyond it) without giving the contacts one; the
/// emulator uses <see cref="MaxListLimit"/>, which is also its default page size.
/// </para>
/// </remarks>
public sealed class CloseContactsEmulator
{
    private const string CollectionPath = "/api/v1/contact/";
    private const string CustomPrefix = "custom.cf_";

    /// <summary>The largest <c>_limit</c> the list endpoint takes, and its page size when none is given.</summary>
    public const int MaxListLimit = 100;
    private static readonly string[] EmailTypes = ["office", "home", "other"];
    private static readonly string[] PhoneTypes = ["office", "mobile", "home", "direct", "fax", "other"];

    private readonly CloseEmulator _api;
    private readonly TimeProvider _time;
    private readonly SandboxRandom _random;
    private readonly object _gate = new();
    private readonly List<CloseContact> _records = new();
    private readonly List<CloseLead> _leads = new();
    private string? _userId;

    internal CloseContactsEmulator(CloseEmulator api, TimeProvider time, SandboxRandom random)
    {
        _api = api;
        _time = time;
        _random = random;
    }

    /// <summary>The contacts created so far, in creation order.</summary>
    public IReadOnlyList<CloseContact> Records
    {
        get
        {
            lock (_gate) return _records.ToArray();
        }
    }

    /// <summary>The leads contacts can belong to: those added with <see cref="AddLead"/> and those created for a contact without <c>lead_id</c>.</summary>
    public IReadOnlyList<CloseLead> Leads
    {
        get
        {
            lock (_gate) return _leads.ToArray();
        }
    }

    /// <summary>The user the API key belongs to (<c>user_…</c>), the <c>created_by</c> of new contacts.</summary>
    public string UserId
    {
        get
        {
            lock (_gate) return _userId ??= _random.NextId("user_");
        }
    }

    /// <summary>Adds a lead (a company) that contacts can be created under.</summary>
    public CloseLead AddLead(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lead = new CloseLead(_random.NextId("lead_"), name);
        lock (_gate) _leads.Add(lead);
        return lead;
    }

    internal void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(CollectionPath, CreateAsync);
        routes.MapGet(CollectionPath, ListAsync);
        routes.MapGet(CollectionPath + "{id}/", GetAsync);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var query = context.Request.Query;
        if (!TryReadCount(query["_skip"], 0, int.MaxValue, out var skip))
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "_skip must be a non-negative integer.").ConfigureAwait(false);
            return;
        }
        if (!TryReadCount(query["_limit"], MaxListLimit, MaxListLimit, out var limit))
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"_limit must be an integer from 0 to {MaxListLimit}.").ConfigureAwait(false);
            return;
        }
        string? leadId = query["lead_id"];

        List<CloseContact> page;
        bool more;
        lock (_gate)
        {
            var matching = _records.Where(c => leadId is null || c.LeadId == leadId).ToList();
            page = matching.Skip(skip).Take(limit).ToList();
            more = (long)skip + page.Count < matching.Count;
        }
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, (page, more), static (w, state) =>
        {
            w.WriteStartObject();
            w.WriteBoolean("has_more", state.more);
            w.WriteStartArray("data");
            foreach (var contact in state.page) WriteContact(w, contact);
            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>A query count: absent is <paramref name="absent"/>; otherwise digits only, at most <paramref name="max"/>.</summary>
    private static bool TryReadCount(Microsoft.Extensions.Primitives.StringValues values, int absent, int max, out int count)
    {
        count = absent;
        if (values.Count == 0) return true;
        return values.Count == 1 && values[0] is { Length: > 0 } text && text.All(char.IsAsciiDigit)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count <= max;
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

            if (!TryReadOptionalString(root, "name", out var name))
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "name", "Not a valid string.").ConfigureAwait(false);
                return;
            }
            if (!TryReadOptionalString(root, "title", out var title))
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "title", "Not a valid string.").ConfigureAwait(false);
                return;
            }
            if (!TryReadOptionalString(root, "lead_id", out var leadId))
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "lead_id", "Not a valid string.").ConfigureAwait(false);
                return;
            }

            var emails = new List<CloseContactEmail>();
            var phones = new List<CloseContactPhone>();
            var urls = new List<CloseContactUrl>();
            var problem = ReadList(root, "emails", "email", EmailTypes, "office", (value, type) =>
                {
                    if (!LooksLikeEmail(value)) return "Invalid email address.";
                    emails.Add(new CloseContactEmail(value, type));
                    return null;
                })
                ?? ReadList(root, "phones", "phone", PhoneTypes, "office", (value, type) =>
                {
                    var normalized = NormalizePhone(value);
                    if (normalized is null) return "Invalid phone number.";
                    phones.Add(new CloseContactPhone(normalized, type));
                    return null;
                })
                ?? ReadList(root, "urls", "url", null, "url", (value, type) =>
                {
                    urls.Add(new CloseContactUrl(value, type));
                    return null;
                });
            if (problem is not null)
            {
                await CloseEmulator.WriteFieldErrorAsync(context, problem.Value.Field, problem.Value.Message).ConfigureAwait(false);
                return;
            }

            var now = _time.GetUtcNow();
            var dateCreated = now;
            if (root.TryGetProperty("date_created", out var dateElement) && dateElement.ValueKind != JsonValueKind.Null)
            {
                if (dateElement.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParse(dateElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out dateCreated)
                    || !dateElement.GetString()!.Contains('T'))
                {
                    await CloseEmulator.WriteFieldErrorAsync(context, "date_created", "Not a valid datetime.").ConfigureAwait(false);
                    return;
                }
            }

            var customFields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.StartsWith(CustomPrefix, StringComparison.Ordinal) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    customFields[property.Name] = property.Value.Clone();
                }
            }

            CloseContact contact;
            lock (_gate)
            {
                if (leadId is not null && !_leads.Any(l => l.Id == leadId))
                {
                    contact = null!;
                }
                else
                {
                    if (leadId is null)
                    {
                        var lead = new CloseLead(_random.NextId("lead_"), name ?? emails.FirstOrDefault()?.Email ?? "Untitled");
                        _leads.Add(lead);
                        leadId = lead.Id;
                    }
                    _userId ??= _random.NextId("user_");
                    contact = new CloseContact(_random.NextId("cont_"), _api.OrganizationId, leadId, name, title, emails, phones, urls,
                        customFields, _userId, dateCreated, now);
                    _records.Add(contact);
                }
            }
            if (contact is null)
            {
                await CloseEmulator.WriteFieldErrorAsync(context, "lead_id", "Object does not exist.").ConfigureAwait(false);
                return;
            }

            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, contact, WriteContact).ConfigureAwait(false);
        }
    }

    private async Task GetAsync(HttpContext context)
    {
        if (!await _api.AdmitAsync(context).ConfigureAwait(false)) return;
        var id = (string?)context.Request.RouteValues["id"];
        CloseContact? contact;
        lock (_gate) contact = _records.FirstOrDefault(c => c.Id == id);
        if (contact is null)
        {
            await CloseEmulator.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found").ConfigureAwait(false);
            return;
        }
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, CloseEmulator.JsonContentType, contact, WriteContact).ConfigureAwait(false);
    }

    private static void WriteContact(Utf8JsonWriter w, CloseContact contact)
    {
        w.WriteStartObject();
        w.WriteString("id", contact.Id);
        w.WriteString("organization_id", contact.OrganizationId);
        w.WriteString("lead_id", contact.LeadId);
        WriteNullable(w, "name", contact.Name);
        WriteNullable(w, "title", contact.Title);
        w.WriteString("display_name", contact.Name ?? contact.Emails.FirstOrDefault()?.Email ?? "");
        w.WriteStartArray("emails");
        foreach (var email in contact.Emails)
        {
            w.WriteStartObject();
            w.WriteString("email", email.Email);
            w.WriteString("type", email.Type);
            w.WriteBoolean("is_unsubscribed", false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("phones");
        foreach (var phone in contact.Phones)
        {
            w.WriteStartObject();
            w.WriteString("phone", phone.Phone);
            w.WriteString("phone_formatted", FormatPhone(phone.Phone));
            w.WriteString("type", phone.Type);
            if (CountryOf(phone.Phone) is { } country) w.WriteString("country", country);
            else w.WriteNull("country");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("urls");
        foreach (var url in contact.Urls)
        {
            w.WriteStartObject();
            w.WriteString("url", url.Url);
            w.WriteString("type", url.Type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("date_created", ClosePipelinesEmulator.FormatDate(contact.DateCreated));
        w.WriteString("date_updated", ClosePipelinesEmulator.FormatDate(contact.DateUpdated));
        w.WriteString("created_by", contact.CreatedBy);
        w.WriteString("updated_by", contact.CreatedBy);
        w.WriteStartArray("integration_links");
        w.WriteEndArray();
        w.WriteNull("lead_suggestions_operation_id");
        w.WriteNull("timezone");
        foreach (var field in contact.CustomFields)
        {
            w.WritePropertyName(field.Key);
            field.Value.WriteTo(w);
        }
        w.WriteEndObject();
    }

    /// <summary>Reads <c>[{valueKey, type}]</c>; returns the field error, or null when every item was taken.</summary>
    private static (string Field, string Message)? ReadList(
        JsonElement root, string field, string valueKey, string[]? types, string defaultType, Func<string, string, string?> take)
    {
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Array) return (field, "Expected a list of items.");
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) return (field, $"Item {index}: expected an object.");
            if (!item.TryGetProperty(valueKey, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return (field, $"Item {index}: {valueKey}: This field is required.");
            }
            var type = defaultType;
            if (item.TryGetProperty("type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null)
            {
                type = typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString()! : "";
                if (type.Length == 0 || (types is not null && Array.IndexOf(types, type) < 0))
                {
                    return (field, $"Item {index}: type: '{typeElement}' is not a valid choice.");
                }
            }
            var error = take(value.GetString()!.Trim(), type);
            if (error is not null) return (field, $"Item {index}: {valueKey}: {error}");
            index++;
        }
        return null;
    }

    private static bool TryReadOptionalString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) return false;
        var text = element.GetString()!;
        value = text.Length == 0 ? null : text;
        return true;
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value[(at + 1)..].Contains('.') && !value.Any(char.IsWhiteSpace);
    }

    /// <summary>Digits with the leading <c>+</c> kept (Close stores E.164); null when fewer than 5 digits.</summary>
    private static string? NormalizePhone(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) builder.Append(c);
            else if (c == '+' && builder.Length == 0) builder.Append(c);
            else if (!(c is ' ' or '-' or '(' or ')' or '.')) return null;
        }
        var digits = builder.ToString().TrimStart('+');
        return digits.Length < 5 ? null : builder.ToString();
    }

    private static string FormatPhone(string phone)
    {
        if (phone.StartsWith("+1", StringComparison.Ordinal) && phone.Length == 12)
        {
            return $"+1 {phone.Substring(2, 3)}-{phone.Substring(5, 3)}-{phone.Substring(8, 4)}";
        }
        if (phone.StartsWith("+44", StringComparison.Ordinal) && phone.Length > 5)
        {
            return "+44 " + phone[3..];
        }
        return phone;
    }

    private static string? CountryOf(string phone)
        => phone.StartsWith("+1", StringComparison.Ordinal) ? "US" : phone.StartsWith("+44", StringComparison.Ordinal) ? "GB" : null;
}
